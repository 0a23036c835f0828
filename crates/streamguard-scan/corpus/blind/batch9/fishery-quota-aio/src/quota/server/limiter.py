"""Records-per-minute limit per vessel, shared by all streams of this process.

The fleet talks to one quota-server per region, so a process-wide limiter is enough."""
from __future__ import annotations

import threading
import time
from collections import defaultdict


class VesselLimiter:
    def __init__(self, per_minute: int) -> None:
        self._per_minute = per_minute
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))

    def allow(self, vessel: str) -> bool:
        window = int(time.time() // 60)
        with self._lock:
            w, n = self._windows[vessel]
            if w != window:
                w, n = window, 0
            n += 1
            self._windows[vessel] = (w, n)
            return n <= self._per_minute
