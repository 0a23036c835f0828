import time
from collections import defaultdict


class PeerWindow:
    """Frames per second per connected peer; protects the historian from a chattering logger."""

    def __init__(self, per_second: int):
        self.per_second = per_second
        self._windows: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))

    def allow(self, peer: str) -> bool:
        now = int(time.monotonic())
        second, count = self._windows[peer]
        if second != now:
            second, count = now, 0
        count += 1
        self._windows[peer] = (second, count)
        return count <= self.per_second

    def forget(self, peer: str) -> None:
        self._windows.pop(peer, None)
