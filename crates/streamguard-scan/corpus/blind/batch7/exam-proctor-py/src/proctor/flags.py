"""In-process fan-out of candidate flags to proctor consoles."""

import queue
import threading


class FlagBus:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subs: dict[str, set[queue.Queue]] = {}

    def subscribe(self, room: str) -> queue.Queue:
        q: queue.Queue = queue.Queue(maxsize=500)
        with self._lock:
            self._subs.setdefault(room, set()).add(q)
        return q

    def unsubscribe(self, room: str, q: queue.Queue) -> None:
        with self._lock:
            self._subs.get(room, set()).discard(q)

    def publish(self, room: str, flag) -> None:
        with self._lock:
            targets = list(self._subs.get(room, ()))
        for q in targets:
            try:
                q.put_nowait(flag)
            except queue.Full:
                pass


bus = FlagBus()
