import asyncio
import json
import logging

import redis.asyncio as aioredis

from . import settings

log = logging.getLogger(__name__)


class Revocations:
    """Revoked jtis / disabled linguists, pushed over Redis pub/sub."""

    def __init__(self) -> None:
        self.jtis: set[str] = set()
        self.subs: set[str] = set()
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        r = aioredis.from_url(settings.REDIS_URL)
        for raw in await r.smembers("transhub:revoked"):
            self._apply(json.loads(raw))
        pubsub = r.pubsub()
        await pubsub.subscribe("transhub:revocations")
        self._task = asyncio.create_task(self._listen(pubsub))

    async def _listen(self, pubsub) -> None:
        async for msg in pubsub.listen():
            if msg.get("type") == "message":
                self._apply(json.loads(msg["data"]))

    def _apply(self, ev: dict) -> None:
        if ev.get("jti"):
            self.jtis.add(ev["jti"])
        if ev.get("sub"):
            self.subs.add(ev["sub"])

    def revoked(self, jti: str, sub: str) -> bool:
        return jti in self.jtis or sub in self.subs


revocations = Revocations()
