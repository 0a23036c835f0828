"""Revoked jti / sub set, kept current by a Redis pub/sub listener task."""
from __future__ import annotations

import asyncio
import logging

import redis.asyncio as aioredis

log = logging.getLogger(__name__)


class RevocationSet:
    def __init__(self, url: str) -> None:
        self._redis = aioredis.from_url(url)
        self.revoked: set[str] = set()
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        self.revoked.update(m.decode() for m in await self._redis.smembers("haulage:revoked"))
        self._task = asyncio.create_task(self._listen(), name="revocations")

    async def _listen(self) -> None:
        pubsub = self._redis.pubsub()
        await pubsub.subscribe("haulage:revocations")
        async for msg in pubsub.listen():
            if msg["type"] == "message":
                self.revoked.add(msg["data"].decode())

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
