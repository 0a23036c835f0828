import asyncio
import time
from collections import deque
from dataclasses import dataclass
from urllib.parse import urlparse


@dataclass(frozen=True)
class FrontierItem:
    url: str
    depth: int
    kind: str
    at: float


class Frontier:
    def __init__(self, max_depth: int = 4):
        self._queue: deque[FrontierItem] = deque()
        self._seen: set[str] = set()
        self._watchers: set[asyncio.Queue] = set()
        self.max_depth = max_depth
        self.fetched = 0
        self.paused = False

    def add(self, url: str, depth: int) -> bool:
        if depth > self.max_depth or url in self._seen:
            return False
        self._seen.add(url)
        item = FrontierItem(url, depth, "discovered", time.time())
        self._queue.append(item)
        self._publish(item)
        return True

    def pop(self) -> FrontierItem | None:
        if self.paused or not self._queue:
            return None
        item = self._queue.popleft()
        self.fetched += 1
        self._publish(FrontierItem(item.url, item.depth, "fetching", time.time()))
        return item

    def __len__(self) -> int:
        return len(self._queue)

    def watch(self) -> asyncio.Queue:
        q: asyncio.Queue = asyncio.Queue(maxsize=10_000)
        self._watchers.add(q)
        return q

    def unwatch(self, q: asyncio.Queue) -> None:
        self._watchers.discard(q)

    def _publish(self, item: FrontierItem) -> None:
        for q in list(self._watchers):
            if q.full():
                continue
            q.put_nowait(item)


def host_of(url: str) -> str:
    return urlparse(url).hostname or ""
