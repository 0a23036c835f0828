"""Event catalog (SeisComP database) queries."""

from __future__ import annotations

import asyncpg

from seisnet.config import settings

_POOL: asyncpg.Pool | None = None


async def pool() -> asyncpg.Pool:
    global _POOL
    if _POOL is None:
        _POOL = await asyncpg.create_pool(settings.catalog_dsn, min_size=1, max_size=8)
    return _POOL


async def events(min_mag: float, start: float, end: float, limit: int, timeout: float | None):
    """Yields catalog rows; `timeout` bounds the whole query (None = no bound)."""
    p = await pool()
    async with p.acquire() as conn:
        rows = await conn.fetch(
            """
            SELECT publicid, extract(epoch FROM origin_time) AS t, latitude, longitude, depth_km, magnitude
              FROM event_summary
             WHERE magnitude >= $1 AND origin_time BETWEEN to_timestamp($2) AND to_timestamp($3)
             ORDER BY origin_time DESC
             LIMIT $4
            """,
            min_mag, start, end, min(limit or 500, 5000),
            timeout=timeout,
        )
    for row in rows:
        yield row


async def station(code: str):
    p = await pool()
    return await p.fetchrow("SELECT code, lat, lon, elevation_m, channels FROM station WHERE code = $1", code, timeout=5)
