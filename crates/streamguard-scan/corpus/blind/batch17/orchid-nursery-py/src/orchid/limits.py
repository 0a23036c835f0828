import threading
import time
from collections import defaultdict


class GrowerLimiter:
    """Token bucket per grower identity, shared by every stream of this process."""

    def __init__(self, per_minute: int):
        self.rate = per_minute / 60.0
        self.cap = float(per_minute)
        self._buckets = defaultdict(lambda: [self.cap, time.monotonic()])
        self._lock = threading.Lock()

    def allow(self, sub: str) -> bool:
        with self._lock:
            tokens, last = self._buckets[sub]
            now = time.monotonic()
            tokens = min(self.cap, tokens + (now - last) * self.rate)
            ok = tokens >= 1
            self._buckets[sub] = [tokens - 1 if ok else tokens, now]
            return ok
