import threading
import time
from collections import defaultdict, deque

_lock = threading.Lock()
_events: dict[str, deque] = defaultdict(deque)


def allow(key: str, per_minute: int) -> bool:
    """Sliding one-minute window; `key` identifies the client."""
    now = time.monotonic()
    with _lock:
        q = _events[key]
        while q and now - q[0] > 60:
            q.popleft()
        if len(q) >= per_minute:
            return False
        q.append(now)
        return True
