import time
from collections import defaultdict, deque


class PerLinguistWindow:
    """Lookups per linguist per minute, shared by all of that linguist's streams
    in this process (the CAT tool opens several)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[str, deque] = defaultdict(deque)

    def allow(self, sub: str) -> bool:
        now = time.monotonic()
        q = self._hits[sub]
        while q and now - q[0] > 60:
            q.popleft()
        if len(q) >= self.per_minute:
            return False
        q.append(now)
        return True
