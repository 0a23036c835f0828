import asyncpg

from ..config import settings

_pool: asyncpg.Pool | None = None


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(settings.database_dsn, min_size=1, max_size=8)
    return _pool
