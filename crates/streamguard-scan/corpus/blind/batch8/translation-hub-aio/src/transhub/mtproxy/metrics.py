import asyncio
import statistics
import time
from collections import defaultdict, deque


class EngineMetrics:
    """Rolling latency and BLEU per engine, fed by the proxy's request path."""

    def __init__(self) -> None:
        self.latencies: dict[str, deque] = defaultdict(lambda: deque(maxlen=2000))
        self.bleu: dict[str, float] = {}
        self.changed = asyncio.Condition()

    async def observe(self, engine: str, latency_ms: float) -> None:
        self.latencies[engine].append(latency_ms)
        async with self.changed:
            self.changed.notify_all()

    def snapshot(self, engine: str) -> tuple[float, float, float]:
        lat = sorted(self.latencies.get(engine, ()))
        if not lat:
            return self.bleu.get(engine, 0.0), 0.0, 0.0
        p50 = statistics.median(lat)
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
        return self.bleu.get(engine, 0.0), p50, p99

    def now_ms(self) -> int:
        return int(time.time() * 1000)
