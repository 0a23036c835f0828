"""Revocation events pushed by the IdP adapter on NATS subject `scada.auth.revoked`."""

from __future__ import annotations

import asyncio
import json
import logging

import nats

log = logging.getLogger(__name__)


class RevocationRegistry:
    def __init__(self) -> None:
        self._waiters: dict[str, set[asyncio.Event]] = {}

    def watch(self, claims: dict) -> asyncio.Event:
        ev = asyncio.Event()
        for key in (f"jti:{claims['jti']}", f"sub:{claims['sub']}"):
            self._waiters.setdefault(key, set()).add(ev)
        return ev

    def unwatch(self, claims: dict, ev: asyncio.Event) -> None:
        for key in (f"jti:{claims['jti']}", f"sub:{claims['sub']}"):
            self._waiters.get(key, set()).discard(ev)

    def revoke(self, key: str) -> None:
        for ev in self._waiters.get(key, ()):
            ev.set()

    async def follow(self, url: str) -> None:
        nc = await nats.connect(url)

        async def on_msg(msg):
            try:
                evt = json.loads(msg.data)
            except ValueError:
                return
            if evt.get("jti"):
                self.revoke(f"jti:{evt['jti']}")
            if evt.get("sub"):
                self.revoke(f"sub:{evt['sub']}")

        await nc.subscribe("scada.auth.revoked", cb=on_msg)
