import threading
import time


class ReviewerLimiter:
    """Sliding one-minute window of actions per reviewer (by `sub`), shared by
    every stream in this process. Review servers are pinned per matter, so a
    reviewer's sessions land on one process."""

    def __init__(self, per_minute: int) -> None:
        self._per_minute = per_minute
        self._events: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def allow(self, sub: str) -> bool:
        now = time.monotonic()
        with self._lock:
            window = [t for t in self._events.get(sub, []) if now - t < 60.0]
            if len(window) >= self._per_minute:
                self._events[sub] = window
                return False
            window.append(now)
            self._events[sub] = window
            return True
