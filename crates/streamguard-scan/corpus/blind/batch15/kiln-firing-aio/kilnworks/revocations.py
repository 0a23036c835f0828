"""Revocations pushed over NATS (`auth.revoked`, payload "jti:<id>" or "sub:<id>")."""
import asyncio
from collections import defaultdict

import nats


class Revocations:
    def __init__(self):
        self._revoked: set[str] = set()
        self._events: dict[str, set[asyncio.Event]] = defaultdict(set)

    async def start(self, url: str) -> None:
        self._nc = await nats.connect(url, name="kilnworks")
        await self._nc.subscribe("auth.revoked", cb=self._on_msg)

    async def _on_msg(self, msg) -> None:
        key = msg.data.decode()
        self._revoked.add(key)
        for ev in self._events.get(key, ()):
            ev.set()

    def is_revoked(self, potter) -> bool:
        return f"jti:{potter.jti}" in self._revoked or f"sub:{potter.sub}" in self._revoked

    def watch(self, potter) -> asyncio.Event:
        ev = asyncio.Event()
        for k in (f"jti:{potter.jti}", f"sub:{potter.sub}"):
            self._events[k].add(ev)
        return ev

    def unwatch(self, potter, ev) -> None:
        for k in (f"jti:{potter.jti}", f"sub:{potter.sub}"):
            self._events[k].discard(ev)
