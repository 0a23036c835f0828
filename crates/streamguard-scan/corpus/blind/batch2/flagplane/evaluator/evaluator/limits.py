import time
from collections import defaultdict


class SlidingWindow:
    """Per-principal request budget shared by every stream the principal opens."""

    def __init__(self, limit: int, window_s: float):
        self._limit = limit
        self._window = window_s
        self._hits: dict[str, list[float]] = defaultdict(list)

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        hits = self._hits[key]
        cutoff = now - self._window
        while hits and hits[0] < cutoff:
            hits.pop(0)
        if len(hits) >= self._limit:
            return False
        hits.append(now)
        return True
