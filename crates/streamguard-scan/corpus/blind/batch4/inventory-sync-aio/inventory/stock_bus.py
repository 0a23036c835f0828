from __future__ import annotations

import asyncio
import json
from collections import defaultdict

import redis.asyncio as redis


class StockBus:
    """Fan-out of stock level changes (Redis pub/sub 'stock:<warehouse>') to local subscribers."""

    def __init__(self, url: str) -> None:
        self._redis = redis.from_url(url)
        self._subs: dict[str, set[asyncio.Queue]] = defaultdict(set)
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        pubsub = self._redis.pubsub()
        await pubsub.psubscribe("stock:*")
        self._task = asyncio.create_task(self._pump(pubsub), name="stock-bus")

    async def _pump(self, pubsub) -> None:
        async for msg in pubsub.listen():
            if msg.get("type") != "pmessage":
                continue
            warehouse = msg["channel"].decode().split(":", 1)[1]
            event = json.loads(msg["data"])
            for q in list(self._subs.get(warehouse, ())):
                if q.qsize() < 1000:
                    q.put_nowait(event)

    def subscribe(self, warehouse: str) -> asyncio.Queue:
        q: asyncio.Queue = asyncio.Queue()
        self._subs[warehouse].add(q)
        return q

    def unsubscribe(self, warehouse: str, q: asyncio.Queue) -> None:
        self._subs[warehouse].discard(q)
