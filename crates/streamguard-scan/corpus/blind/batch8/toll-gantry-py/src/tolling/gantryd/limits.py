import time


class GantryBudget:
    """Plate reads per gantry per second, shared by every stream a gantry
    controller opens (it reconnects on each LTE handover)."""

    def __init__(self, per_second: int) -> None:
        self.per_second = per_second
        self._windows: dict[str, tuple[int, int]] = {}

    def allow(self, gantry_id: str) -> bool:
        sec = int(time.monotonic())
        start, n = self._windows.get(gantry_id, (sec, 0))
        if start != sec:
            start, n = sec, 0
        n += 1
        self._windows[gantry_id] = (start, n)
        return n <= self.per_second
