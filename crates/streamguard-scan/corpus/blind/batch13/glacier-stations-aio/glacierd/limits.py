"""Per-identity limits (shared across all streams of the process; the
network has a single glacierd instance at the base station)."""
from __future__ import annotations

import asyncio
import time


class IdentityBucket:
    def __init__(self, rate_per_s: float, burst: int) -> None:
        self.rate, self.burst = rate_per_s, burst
        self._state: dict[str, tuple[float, float]] = {}
        self._lock = asyncio.Lock()

    async def take(self, identity: str) -> bool:
        async with self._lock:
            now = time.monotonic()
            tokens, stamp = self._state.get(identity, (float(self.burst), now))
            tokens = min(self.burst, tokens + (now - stamp) * self.rate)
            ok = tokens >= 1
            self._state[identity] = (tokens - 1 if ok else tokens, now)
            return ok


observations = IdentityBucket(rate_per_s=1.0, burst=30)
