import asyncpg

from .config import settings

_pool: asyncpg.Pool | None = None


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(settings.database_dsn, min_size=1, max_size=8)
    return _pool


async def record_gate_command(operator: str, dam_id: str, gate_id: str, opening_pct: float, result: str,
                              timeout: float | None = None) -> None:
    p = await pool()
    await p.execute(
        "INSERT INTO gate_audit (operator, dam_id, gate_id, opening_pct, result, at) VALUES ($1, $2, $3, $4, $5, now())",
        operator, dam_id, gate_id, opening_pct, result,
        timeout=timeout,
    )
