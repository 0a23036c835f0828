"""Per-probe sample limits, shared by every stream of this process."""
from __future__ import annotations

import asyncio
import time


class SubjectWindow:
    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._counts: dict[tuple[str, int], int] = {}
        self._lock = asyncio.Lock()

    async def allow(self, subject: str) -> bool:
        minute = int(time.time() // 60)
        async with self._lock:
            key = (subject, minute)
            n = self._counts.get(key, 0) + 1
            self._counts[key] = n
            for k in [k for k in self._counts if k[1] < minute - 1]:
                del self._counts[k]
            return n <= self.per_minute


probe_limits = SubjectWindow(per_minute=600)
