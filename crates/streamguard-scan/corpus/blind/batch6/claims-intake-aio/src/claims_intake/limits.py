"""Per-adjuster action limits (fat-finger and runaway-script protection)."""
from __future__ import annotations

import time
from collections import deque

_windows: dict[str, deque[float]] = {}


class SlidingWindow:
    """Actions per identity in the last `window_s`, shared by all desks of one process.

    The intake server runs as a single replica per region (see deploy/README),
    so a process-wide map keyed by subject is the identity limit.
    """

    def __init__(self, limit: int, window_s: float):
        self.limit = limit
        self.window_s = window_s

    def allow(self, sub: str) -> bool:
        now = time.monotonic()
        q = _windows.setdefault(sub, deque())
        while q and now - q[0] > self.window_s:
            q.popleft()
        if len(q) >= self.limit:
            return False
        q.append(now)
        return True
