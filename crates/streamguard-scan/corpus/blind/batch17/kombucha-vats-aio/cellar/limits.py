import time

import redis.asyncio as redis

from . import settings

_r = redis.Redis.from_url(settings.REDIS_URL)


async def allow(sub: str) -> bool:
    key = f"cellar:rl:{sub}:{int(time.time() // 60)}"
    n = await _r.incr(key)
    if n == 1:
        await _r.expire(key, 90)
    return n <= settings.COMMANDS_PER_MINUTE
