"""Updates per staff member per minute, counted in Redis across all replicas."""
from __future__ import annotations

import time

import redis.asyncio as redis


class StaffLimiter:
    def __init__(self, r: redis.Redis, per_minute: int = 120):
        self._r = r
        self._per_minute = per_minute

    async def allow(self, sub: str) -> bool:
        key = f"hk:rl:{sub}:{int(time.time() // 60)}"
        async with self._r.pipeline(transaction=True) as p:
            p.incr(key)
            p.expire(key, 120)
            count, _ = await p.execute()
        return count <= self._per_minute
