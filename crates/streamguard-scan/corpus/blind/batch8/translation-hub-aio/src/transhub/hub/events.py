import json

import redis.asyncio as aioredis

from . import settings


async def project_events(project_id: str):
    """Async iterator over a project's event channel."""
    r = aioredis.from_url(settings.REDIS_URL)
    pubsub = r.pubsub()
    await pubsub.subscribe(f"transhub:project:{project_id}")
    try:
        async for msg in pubsub.listen():
            if msg.get("type") != "message":
                continue
            yield json.loads(msg["data"])
    finally:
        await pubsub.unsubscribe()
        await r.aclose()
