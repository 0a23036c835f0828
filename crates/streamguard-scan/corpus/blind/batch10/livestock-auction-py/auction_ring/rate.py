import threading
import time


class PeerRate:
    """Bids per second per client connection."""

    def __init__(self, per_second: int):
        self.per_second = per_second
        self._lock = threading.Lock()
        self._seen: dict[str, list[float]] = {}

    def allow(self, peer: str) -> bool:
        now = time.monotonic()
        with self._lock:
            recent = [t for t in self._seen.get(peer, []) if now - t < 1.0]
            ok = len(recent) < self.per_second
            if ok:
                recent.append(now)
            self._seen[peer] = recent
            return ok

    def drop(self, peer: str) -> None:
        with self._lock:
            self._seen.pop(peer, None)
