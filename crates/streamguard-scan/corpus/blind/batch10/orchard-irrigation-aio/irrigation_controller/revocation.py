"""Revocations pushed by the auth service over Redis; one asyncio.Event per live grower."""
import asyncio
import json
from collections import defaultdict

import redis.asyncio as aioredis

from . import config

_events: dict[str, set[asyncio.Event]] = defaultdict(set)
_revoked: set[str] = set()


def watch(*keys: str) -> asyncio.Event:
    ev = asyncio.Event()
    if any(k in _revoked for k in keys):
        ev.set()
    for k in keys:
        _events[k].add(ev)
    return ev


def unwatch(ev: asyncio.Event, *keys: str) -> None:
    for k in keys:
        _events[k].discard(ev)


async def follow() -> None:
    r = aioredis.from_url(config.REDIS_URL)
    async with r.pubsub() as ps:
        await ps.subscribe("auth:revoked")
        async for msg in ps.listen():
            if msg.get("type") != "message":
                continue
            body = json.loads(msg["data"])
            for key in (f"jti:{body.get('jti')}", f"sub:{body.get('sub')}"):
                _revoked.add(key)
                for ev in list(_events.get(key, ())):
                    ev.set()
