import threading
import time
from collections import defaultdict, deque

_LOCK = threading.Lock()
_CALLS: dict[str, deque] = defaultdict(deque)

CALLS_PER_MINUTE = 60


def allow(identity: str, now: float | None = None) -> bool:
    now = now or time.monotonic()
    with _LOCK:
        window = _CALLS[identity]
        while window and now - window[0] > 60:
            window.popleft()
        if len(window) >= CALLS_PER_MINUTE:
            return False
        window.append(now)
        return True
