"""Downstream clients: agromet weather API, valve controller, Postgres."""
import aiohttp
import asyncpg

from .config import settings

_session: aiohttp.ClientSession | None = None
_pool: asyncpg.Pool | None = None


async def http() -> aiohttp.ClientSession:
    global _session
    if _session is None:
        _session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
    return _session


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(settings.database_dsn, min_size=1, max_size=10)
    return _pool


async def reference_et0(block_id: str) -> float:
    s = await http()
    async with s.get(f"{settings.weather_url}/et0", params={"block": block_id}) as resp:
        resp.raise_for_status()
        return float((await resp.json())["et0_mm"])


async def actuate(valve_id: str, action: str, minutes: int = 0) -> str:
    s = await http()
    async with s.post(f"{settings.valve_controller_url}/valves/{valve_id}", json={"action": action, "minutes": minutes}) as resp:
        resp.raise_for_status()
        return (await resp.json())["state"]


async def latest_probe_readings(block_id: str, timeout: float | None):
    p = await pool()
    return await p.fetch(
        "SELECT probe_id, vwc_percent, taken_at FROM probe_readings WHERE block_id = $1 "
        "AND taken_at > now() - interval '15 minutes' ORDER BY taken_at",
        block_id,
        timeout=timeout,
    )


async def insert_flow(rows, timeout: float | None):
    p = await pool()
    await p.executemany(
        "INSERT INTO flow_samples (meter_id, lpm, bar, taken_at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))",
        rows,
        timeout=timeout,
    )
