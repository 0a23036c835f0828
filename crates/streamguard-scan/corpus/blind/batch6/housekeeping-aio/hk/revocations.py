"""Revocations pushed by the identity service over Redis pub/sub."""
from __future__ import annotations

import asyncio
import json
import logging
from collections import defaultdict

import redis.asyncio as redis

log = logging.getLogger(__name__)


class RevocationHub:
    def __init__(self, url: str):
        self._r = redis.from_url(url)
        self._jti: set[str] = set()
        self._sub: set[str] = set()
        self._watchers: dict[str, set] = defaultdict(set)
        self._task: asyncio.Task | None = None

    async def start(self) -> None:
        pubsub = self._r.pubsub()
        await pubsub.subscribe("identity:revoked")
        self._task = asyncio.create_task(self._listen(pubsub))

    async def _listen(self, pubsub) -> None:
        async for msg in pubsub.listen():
            if msg.get("type") != "message":
                continue
            try:
                ev = json.loads(msg["data"])
            except ValueError:
                log.warning("bad revocation payload")
                continue
            for key, bucket in (("jti", self._jti), ("sub", self._sub)):
                value = ev.get(key)
                if value:
                    bucket.add(value)
                    for session in list(self._watchers.get(f"{key}:{value}", ())):
                        session.revoked()

    def is_revoked(self, jti: str, sub: str) -> bool:
        return jti in self._jti or sub in self._sub

    def watch(self, jti: str, sub: str, session) -> None:
        self._watchers[f"jti:{jti}"].add(session)
        self._watchers[f"sub:{sub}"].add(session)

    def unwatch(self, jti: str, sub: str, session) -> None:
        for k in (f"jti:{jti}", f"sub:{sub}"):
            self._watchers[k].discard(session)
            if not self._watchers[k]:
                del self._watchers[k]
