"""Live validity of a caller's token: exp plus the logout/revocation set pushed over Redis."""
from __future__ import annotations

import asyncio
import os
import time

import redis.asyncio as aioredis

_revoked_jti: set[str] = set()
_revoked_sub: set[str] = set()


async def follow_revocations() -> None:
    client = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"))
    pubsub = client.pubsub()
    await pubsub.subscribe("flightwatch:revoked")
    async for msg in pubsub.listen():
        if msg.get("type") != "message":
            continue
        kind, _, value = msg["data"].decode().partition(":")
        (_revoked_jti if kind == "jti" else _revoked_sub).add(value)


def still_valid(claims: dict) -> bool:
    if claims.get("exp", 0) <= time.time():
        return False
    return claims.get("jti") not in _revoked_jti and claims.get("sub") not in _revoked_sub


def start(loop: asyncio.AbstractEventLoop) -> asyncio.Task:
    return loop.create_task(follow_revocations())
