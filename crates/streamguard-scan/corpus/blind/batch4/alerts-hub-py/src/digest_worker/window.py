from __future__ import annotations

import asyncpg


async def recent_lines(pool: asyncpg.Pool, team: str, seconds: int) -> list[str]:
    rows = await pool.fetch(
        "SELECT severity || ' ' || summary FROM alerts WHERE team = $1 AND fired_unix > extract(epoch from now()) - $2 ORDER BY fired_unix",
        team,
        seconds,
    )
    return [r[0] for r in rows]
