import time
from collections import defaultdict, deque


class OperatorLimiter:
    """Commands per operator (token `sub`) per minute, shared by every stream of the process.
    The plant runs a single instance (HMI backend on the plant LAN)."""

    def __init__(self, per_minute: int):
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
