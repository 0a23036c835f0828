import threading
import time


class WindowCounter:
    def __init__(self, limit, window_seconds=60.0):
        self._limit = limit
        self._window = window_seconds
        self._lock = threading.Lock()
        self._counts = {}

    def hit(self, key):
        now = time.monotonic()
        with self._lock:
            start, count = self._counts.get(key, (now, 0))
            if now - start >= self._window:
                start, count = now, 0
            count += 1
            self._counts[key] = (start, count)
            return count <= self._limit

    def drop(self, key):
        with self._lock:
            self._counts.pop(key, None)
