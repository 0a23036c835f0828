import threading
import time
from collections import defaultdict, deque


class SlidingWindow:
    """Actions per key in the last 60 s."""

    def __init__(self, limit: int):
        self.limit = limit
        self._hits = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            q = self._hits[key]
            while q and now - q[0] > 60:
                q.popleft()
            if len(q) >= self.limit:
                return False
            q.append(now)
            return True
