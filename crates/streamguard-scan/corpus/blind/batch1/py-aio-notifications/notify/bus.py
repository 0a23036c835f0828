from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections import defaultdict
from dataclasses import dataclass


@dataclass
class Event:
    id: str
    topic: str
    title: str
    body: str
    created_ms: int


class Bus:
    """In-process fan-out. One queue per open subscription."""

    def __init__(self, queue_size: int = 1000) -> None:
        self._queue_size = queue_size
        self._subscriptions: dict[object, tuple[frozenset[str], asyncio.Queue]] = {}
        self._by_topic: dict[str, set[object]] = defaultdict(set)
        self._ids = itertools.count(1)

    @contextlib.asynccontextmanager
    async def listen(self, key: object, topics: list[str]):
        queue: asyncio.Queue[Event] = asyncio.Queue(self._queue_size)
        self._subscriptions[key] = (frozenset(topics), queue)
        for t in topics:
            self._by_topic[t].add(key)
        try:
            yield queue
        finally:
            self._subscriptions.pop(key, None)
            for t in topics:
                self._by_topic[t].discard(key)

    def publish(self, topic: str, title: str, body: str) -> Event:
        event = Event(str(next(self._ids)), topic, title, body, int(time.time() * 1000))
        for key in list(self._by_topic.get(topic, ())):
            _, queue = self._subscriptions[key]
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:
                pass
        return event

    def subscriber_count(self) -> int:
        return len(self._subscriptions)
