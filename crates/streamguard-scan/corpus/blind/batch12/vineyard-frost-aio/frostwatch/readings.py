"""Block sensors (Postgres) and the agrometeorological forecast (HTTP)."""
import aiohttp
import asyncpg

from frostwatch.settings import SETTINGS

WEATHER_TIMEOUT = aiohttp.ClientTimeout(total=8)


async def latest_reading(pool: asyncpg.Pool, block_id: str, timeout: float | None):
    return await pool.fetchrow(
        "SELECT air_c, dew_point_c, extract(epoch FROM measured_at)::bigint AS at_unix "
        "FROM block_readings WHERE block_id = $1 ORDER BY measured_at DESC LIMIT 1",
        block_id,
        timeout=timeout,
    )


async def forecast_min(http: aiohttp.ClientSession, block_id: str) -> float:
    async with http.get(
        f"{SETTINGS.weather_url}/frost/{block_id}", timeout=WEATHER_TIMEOUT
    ) as resp:
        resp.raise_for_status()
        body = await resp.json()
    return float(body["tmin_next_6h"])


async def insert_samples(pool: asyncpg.Pool, rows, timeout: float | None):
    await pool.executemany(
        "INSERT INTO probe_samples (probe_id, block_id, air_c, measured_at) VALUES ($1, $2, $3, to_timestamp($4))",
        rows,
        timeout=timeout,
    )
