import threading
import time


class IdentityLimiter:
    """Sliding one-minute window per identity, shared by every stream of this process."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self._lock = threading.Lock()
        self._events: dict[str, list[float]] = {}

    def allow(self, identity: str) -> bool:
        now = time.monotonic()
        with self._lock:
            q = [t for t in self._events.get(identity, []) if now - t < 60.0]
            if len(q) >= self.per_minute:
                self._events[identity] = q
                return False
            q.append(now)
            self._events[identity] = q
            return True
