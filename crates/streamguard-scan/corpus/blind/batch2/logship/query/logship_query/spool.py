import json
import os
import queue
import threading
import time


class Spool:
    """Follows the collector's local spool files and fans records out to subscribers."""

    def __init__(self, directory: str):
        self._dir = directory
        self._subs: dict[int, tuple[str, queue.Queue]] = {}
        self._lock = threading.Lock()
        self._next = 0
        self._offsets: dict[str, int] = {}

    def start(self):
        threading.Thread(target=self._run, name="spool-follower", daemon=True).start()

    def subscribe(self, tenant: str) -> tuple[int, queue.Queue]:
        q: queue.Queue = queue.Queue(maxsize=10_000)
        with self._lock:
            self._next += 1
            self._subs[self._next] = (tenant, q)
            return self._next, q

    def unsubscribe(self, sub_id: int) -> None:
        with self._lock:
            self._subs.pop(sub_id, None)

    def _run(self):
        while True:
            for name in sorted(os.listdir(self._dir)):
                if not name.endswith(".ndjson"):
                    continue
                path = os.path.join(self._dir, name)
                off = self._offsets.get(path, 0)
                with open(path, "rb") as fh:
                    fh.seek(off)
                    for line in fh:
                        self._dispatch(json.loads(line))
                    self._offsets[path] = fh.tell()
            time.sleep(0.5)

    def _dispatch(self, rec: dict):
        with self._lock:
            targets = [q for tenant, q in self._subs.values() if tenant == rec.get("tenant")]
        for q in targets:
            try:
                q.put_nowait(rec)
            except queue.Full:
                pass
