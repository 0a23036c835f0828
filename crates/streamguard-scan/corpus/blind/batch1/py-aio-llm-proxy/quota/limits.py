from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class _Bucket:
    tokens: float
    updated: float = field(default_factory=time.monotonic)


class IdentityLimiter:
    """Token buckets shared by every stream of the same subject."""

    def __init__(self, per_second: float, burst: int) -> None:
        self._rate = per_second
        self._burst = burst
        self._buckets: dict[str, _Bucket] = defaultdict(lambda: _Bucket(float(burst)))

    def allow(self, subject: str) -> bool:
        b = self._buckets[subject]
        now = time.monotonic()
        b.tokens = min(self._burst, b.tokens + (now - b.updated) * self._rate)
        b.updated = now
        if b.tokens < 1:
            return False
        b.tokens -= 1
        return True


CONSUME_LIMITER = IdentityLimiter(per_second=20, burst=40)
