"""Revocations pushed over NATS by the licensing authority."""
from __future__ import annotations

import asyncio
import json
from collections import defaultdict

import nats


class RevocationHub:
    def __init__(self) -> None:
        self._events: dict[str, set[asyncio.Event]] = defaultdict(set)
        self._revoked: set[str] = set()
        self._nc = None

    async def connect(self, url: str) -> None:
        self._nc = await nats.connect(url)
        await self._nc.subscribe("licensing.revoked", cb=self._on_msg)

    async def _on_msg(self, msg) -> None:
        ev = json.loads(msg.data)
        for key in (f"jti:{ev.get('jti')}", f"sub:{ev.get('sub')}"):
            self._revoked.add(key)
            for e in self._events.pop(key, set()):
                e.set()

    def is_revoked(self, jti: str, sub: str) -> bool:
        return f"jti:{jti}" in self._revoked or f"sub:{sub}" in self._revoked

    def watch(self, jti: str, sub: str) -> asyncio.Event:
        e = asyncio.Event()
        self._events[f"jti:{jti}"].add(e)
        self._events[f"sub:{sub}"].add(e)
        return e

    def unwatch(self, jti: str, sub: str, e: asyncio.Event) -> None:
        self._events.get(f"jti:{jti}", set()).discard(e)
        self._events.get(f"sub:{sub}", set()).discard(e)
