"""In-process fan-out of claim state changes (fed by the claims DB outbox reader)."""
from __future__ import annotations

import asyncio
from collections import defaultdict


class ClaimEvents:
    def __init__(self):
        self._subs: dict[str, set[asyncio.Queue]] = defaultdict(set)

    def publish(self, claim_id: str, state: str, message: str, unix_ms: int) -> None:
        for q in list(self._subs.get(claim_id, ())):
            if q.qsize() < 256:
                q.put_nowait((state, message, unix_ms))

    def subscribe(self, claim_id: str) -> asyncio.Queue:
        q: asyncio.Queue = asyncio.Queue()
        self._subs[claim_id].add(q)
        return q

    def unsubscribe(self, claim_id: str, q: asyncio.Queue) -> None:
        self._subs[claim_id].discard(q)
        if not self._subs[claim_id]:
            del self._subs[claim_id]
