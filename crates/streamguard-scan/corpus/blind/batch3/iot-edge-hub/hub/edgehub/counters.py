import time
from collections import defaultdict


class DeviceRateLimiter:
    """Messages per device per minute, shared by all of a device's connections."""

    def __init__(self, per_minute: int):
        self._per_minute = per_minute
        self._windows: dict[str, list] = defaultdict(lambda: [0.0, 0])

    def allow(self, device_id: str) -> bool:
        now = time.monotonic()
        window = self._windows[device_id]
        if now - window[0] >= 60:
            window[0], window[1] = now, 0
        window[1] += 1
        return window[1] <= self._per_minute
