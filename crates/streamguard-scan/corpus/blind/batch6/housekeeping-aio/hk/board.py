"""Room board feed: in-process fan-out of room status changes."""
from __future__ import annotations

import asyncio
from collections import defaultdict


class Board:
    def __init__(self):
        self._rooms: dict[str, dict[str, dict]] = defaultdict(dict)
        self._subs: dict[str, set[asyncio.Queue]] = defaultdict(set)

    def update(self, property_id: str, room: str, status: dict) -> None:
        self._rooms[property_id][room] = status
        for q in list(self._subs[property_id]):
            if q.qsize() < 1024:
                q.put_nowait(status)

    def snapshot(self, property_id: str) -> list[dict]:
        return list(self._rooms[property_id].values())

    def subscribe(self, property_id: str) -> asyncio.Queue:
        q: asyncio.Queue = asyncio.Queue()
        self._subs[property_id].add(q)
        return q

    def unsubscribe(self, property_id: str, q: asyncio.Queue) -> None:
        self._subs[property_id].discard(q)
