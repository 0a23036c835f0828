import json
import os
import threading
import time


class MetricCollector(threading.Thread):
    """Tails the instruments' InterOp JSON spool and keeps the latest value per metric."""

    def __init__(self, spool_dir: str):
        super().__init__(daemon=True)
        self.spool_dir = spool_dir
        self._latest: dict[str, dict[str, float]] = {}
        self._lock = threading.Lock()

    def run(self) -> None:
        while True:
            for name in os.listdir(self.spool_dir):
                if not name.endswith(".json"):
                    continue
                with open(os.path.join(self.spool_dir, name)) as fh:
                    doc = json.load(fh)
                with self._lock:
                    self._latest[doc["instrument"]] = doc["metrics"]
            time.sleep(5)

    def snapshot(self, instrument_id: str) -> dict[str, float]:
        with self._lock:
            return dict(self._latest.get(instrument_id, {}))
