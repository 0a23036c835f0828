import threading
import time


class PeerLimiter:
    """Pages per second per calling host. The indexers that call us are
    trusted; this only stops one runaway indexer from starving the others."""

    def __init__(self, pages_per_second: float, burst: int) -> None:
        self._rate = pages_per_second
        self._burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, peer: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(peer, (float(self._burst), now))
            tokens = min(self._burst, tokens + (now - last) * self._rate)
            if tokens < 1.0:
                self._buckets[peer] = (tokens, now)
                return False
            self._buckets[peer] = (tokens - 1.0, now)
            return True

    def forget(self, peer: str) -> None:
        with self._lock:
            self._buckets.pop(peer, None)
