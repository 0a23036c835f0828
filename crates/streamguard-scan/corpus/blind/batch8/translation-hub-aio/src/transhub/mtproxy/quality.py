import asyncio
import contextlib

from ..gen import quality_pb2, quality_pb2_grpc
from .metrics import EngineMetrics

PUBLISH_EVERY_S = 5.0


class QualityFeedServicer(quality_pb2_grpc.QualityFeedServicer):
    def __init__(self, metrics: EngineMetrics, refresh_bleu) -> None:
        self._metrics = metrics
        self._refresh_bleu = refresh_bleu

    async def StreamQuality(self, request, context):
        engines = list(request.engines) or ["general", "legal", "medical"]
        refresher = asyncio.create_task(self._refresh_loop(engines))
        try:
            while True:
                for engine in engines:
                    bleu, p50, p99 = self._metrics.snapshot(engine)
                    await context.write(quality_pb2.QualitySample(engine=engine, bleu=bleu, p50_ms=p50, p99_ms=p99, unix_ms=self._metrics.now_ms()))
                await asyncio.sleep(PUBLISH_EVERY_S)
        finally:
            refresher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await refresher

    async def _refresh_loop(self, engines):
        while True:
            for engine in engines:
                self._metrics.bleu[engine] = await self._refresh_bleu(engine)
            await asyncio.sleep(60)
