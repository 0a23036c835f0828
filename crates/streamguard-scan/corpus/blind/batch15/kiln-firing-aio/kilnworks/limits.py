"""Per-potter limits shared by every kilnworks replica (Redis)."""
import time

import grpc
import redis.asyncio as aioredis


class PotterLimits:
    def __init__(self, url: str, per_minute: int, max_streams: int = 3):
        self._r = aioredis.from_url(url)
        self.per_minute = per_minute
        self.max_streams = max_streams

    async def take(self, sub: str, context) -> None:
        key = f"kiln:msgs:{sub}:{int(time.time() // 60)}"
        n = await self._r.incr(key)
        if n == 1:
            await self._r.expire(key, 90)
        if n > self.per_minute:
            await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")

    async def enter(self, sub: str, context) -> None:
        n = await self._r.incr(f"kiln:streams:{sub}")
        if n > self.max_streams:
            await self._r.decr(f"kiln:streams:{sub}")
            await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "too_many_streams")

    async def leave(self, sub: str) -> None:
        await self._r.decr(f"kiln:streams:{sub}")
