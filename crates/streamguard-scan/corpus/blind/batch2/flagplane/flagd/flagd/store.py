import asyncio
import json
from contextlib import asynccontextmanager

from flagd import flags_pb2


class FlagStore:
    """Flag state lives in Redis hashes; changes arrive on one pub/sub channel and are fanned out in-process."""

    def __init__(self, redis):
        self._redis = redis
        self._subscribers: dict[str, set[asyncio.Queue]] = {}
        self._task: asyncio.Task | None = None

    async def start(self):
        self._task = asyncio.create_task(self._follow(), name="flag-changes")

    async def get(self, project: str, key: str) -> flags_pb2.Flag | None:
        raw = await self._redis.hget(f"flags:{project}", key)
        if raw is None:
            return None
        d = json.loads(raw)
        return flags_pb2.Flag(key=key, project=project, enabled=d["enabled"], variant_json=json.dumps(d.get("variants", {})), version=d["version"])

    @asynccontextmanager
    async def subscribe(self, project: str):
        q: asyncio.Queue = asyncio.Queue(maxsize=1000)
        self._subscribers.setdefault(project, set()).add(q)
        try:
            yield q
        finally:
            self._subscribers[project].discard(q)

    async def _follow(self):
        pubsub = self._redis.pubsub()
        await pubsub.psubscribe("flags:*:changes")
        async for msg in pubsub.listen():
            if msg.get("type") != "pmessage":
                continue
            project = msg["channel"].decode().split(":")[1]
            d = json.loads(msg["data"])
            change = flags_pb2.FlagChange(
                flag=flags_pb2.Flag(key=d["key"], project=project, enabled=d["enabled"], version=d["version"]),
                deleted=bool(d.get("deleted")),
            )
            for q in list(self._subscribers.get(project, ())):
                if not q.full():
                    q.put_nowait(change)
