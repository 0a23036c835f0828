import asyncpg

from .config import settings

_pool: asyncpg.Pool | None = None


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(settings.pg_dsn, min_size=1, max_size=8)
    return _pool


OUTAGES_SQL = """
SELECT station_id, started_at, ended_at, cause
  FROM outages
 WHERE station_id = $1 AND started_at >= to_timestamp($2 / 1000.0)
 ORDER BY started_at
"""
