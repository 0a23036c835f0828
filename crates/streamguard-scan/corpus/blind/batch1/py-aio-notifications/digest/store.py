from __future__ import annotations

from dataclasses import dataclass

import asyncpg


@dataclass
class Item:
    id: str
    title: str
    created_ms: int


class PgStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    @classmethod
    async def connect(cls, dsn: str) -> "PgStore":
        return cls(await asyncpg.create_pool(dsn, min_size=1, max_size=10))

    async def items_since(self, user: str, since_ms: int) -> list[Item]:
        rows = await self._pool.fetch(
            "SELECT id, title, created_ms FROM notifications WHERE recipient = $1 AND created_ms > $2 ORDER BY created_ms LIMIT 200",
            user,
            since_ms,
        )
        return [Item(r["id"], r["title"], r["created_ms"]) for r in rows]
