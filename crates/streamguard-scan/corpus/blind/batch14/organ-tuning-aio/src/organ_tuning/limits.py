import asyncio
import time


class VoicerLimiter:
    """Commands per voicer per minute, shared by all of a voicer's streams."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self._windows: dict[str, tuple[float, int]] = {}
        self._lock = asyncio.Lock()

    async def allow(self, sub: str) -> bool:
        async with self._lock:
            now = time.monotonic()
            start, n = self._windows.get(sub, (now, 0))
            if now - start >= 60:
                start, n = now, 0
            self._windows[sub] = (start, n + 1)
            return n + 1 <= self.per_minute
