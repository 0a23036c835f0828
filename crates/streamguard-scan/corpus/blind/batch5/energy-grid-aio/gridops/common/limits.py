import time
from collections import defaultdict


class WindowLimiter:
    """Fixed-window counter keyed by caller-chosen key."""

    def __init__(self, limit: int, window_s: float) -> None:
        self.limit = limit
        self.window_s = window_s
        self._windows: dict[str, tuple[float, int]] = defaultdict(lambda: (0.0, 0))

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        start, count = self._windows[key]
        if now - start >= self.window_s:
            self._windows[key] = (now, 1)
            return True
        if count >= self.limit:
            return False
        self._windows[key] = (start, count + 1)
        return True
