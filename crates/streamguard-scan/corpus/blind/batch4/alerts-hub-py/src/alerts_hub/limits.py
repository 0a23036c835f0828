from __future__ import annotations

import threading
import time


class PerSubjectWindow:
    """Fixed one-minute window per token subject, shared by every stream of this process."""

    def __init__(self, per_minute: int) -> None:
        self._per_minute = per_minute
        self._counts: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def hit(self, sub: str) -> bool:
        minute = int(time.time() // 60)
        with self._lock:
            window, count = self._counts.get(sub, (minute, 0))
            if window != minute:
                window, count = minute, 0
            count += 1
            self._counts[sub] = (window, count)
            if len(self._counts) > 50_000:
                self._counts = {k: v for k, v in self._counts.items() if v[0] == minute}
            return count <= self._per_minute
