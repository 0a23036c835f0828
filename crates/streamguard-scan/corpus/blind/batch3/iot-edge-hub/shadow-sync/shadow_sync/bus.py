import queue
import threading
from collections import defaultdict

_CLOSED = object()


class Subscription:
    def __init__(self, bus, thing_name):
        self._bus = bus
        self.thing_name = thing_name
        self._q = queue.Queue()
        self._closed = False

    def push(self, item):
        if not self._closed:
            self._q.put(item)

    def close(self):
        if self._closed:
            return
        self._closed = True
        self._bus._remove(self)
        self._q.put(_CLOSED)

    def __iter__(self):
        while True:
            item = self._q.get()
            if item is _CLOSED:
                return
            yield item


class ShadowBus:
    def __init__(self):
        self._lock = threading.Lock()
        self._subs = defaultdict(set)

    def subscribe(self, thing_name):
        sub = Subscription(self, thing_name)
        with self._lock:
            self._subs[thing_name].add(sub)
        return sub

    def publish(self, thing_name, delta):
        with self._lock:
            targets = list(self._subs.get(thing_name, ()))
        for sub in targets:
            sub.push(delta)

    def _remove(self, sub):
        with self._lock:
            self._subs[sub.thing_name].discard(sub)
