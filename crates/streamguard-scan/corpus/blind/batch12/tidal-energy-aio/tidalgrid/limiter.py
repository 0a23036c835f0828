import asyncio
import time
from collections import defaultdict


class OperatorLimiter:
    """Dispatch orders per operator (token `sub`) per minute, shared by all streams."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self._counts = defaultdict(int)
        self._lock = asyncio.Lock()

    async def allow(self, sub: str) -> bool:
        window = int(time.time() // 60)
        async with self._lock:
            key = (sub, window)
            self._counts[key] += 1
            for k in [k for k in self._counts if k[1] < window]:
                del self._counts[k]
            return self._counts[key] <= self.per_minute
