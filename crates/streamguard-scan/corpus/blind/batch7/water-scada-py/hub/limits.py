"""Commands per operator, counted across all of that operator's streams in this process.
(The hub runs as a single active instance with a warm standby.)"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict, deque


class OperatorLimiter:
    def __init__(self, per_minute: int = 30) -> None:
        self._per_minute = per_minute
        self._events: dict[str, deque[float]] = defaultdict(deque)
        self._lock = asyncio.Lock()

    async def allow(self, operator: str) -> bool:
        async with self._lock:
            now = time.monotonic()
            window = self._events[operator]
            while window and now - window[0] > 60:
                window.popleft()
            if len(window) >= self._per_minute:
                return False
            window.append(now)
            return True
