from __future__ import annotations

import asyncio
import os

import grpc

from gridops.common.limits import WindowLimiter
from gridops.common.session import AggregatorSession
from gridops.pb import grid_pb2 as pb
from gridops.pb import grid_pb2_grpc as pb_grpc

FORECAST_ADDR = os.environ.get("FORECAST_ADDR", "forecast.grid.internal:50110")


class EventBook:
    def __init__(self) -> None:
        self._queues: dict[str, set[asyncio.Queue]] = {}

    def listen(self, portfolio: str) -> asyncio.Queue:
        q: asyncio.Queue = asyncio.Queue(maxsize=100)
        self._queues.setdefault(portfolio, set()).add(q)
        return q

    def forget(self, portfolio: str, q: asyncio.Queue) -> None:
        self._queues.get(portfolio, set()).discard(q)

    def publish(self, ev: pb.DrEvent) -> None:
        for q in self._queues.get(ev.portfolio_id, ()):
            if not q.full():
                q.put_nowait(ev)


class DemandResponse(pb_grpc.DemandResponseServicer):
    def __init__(self, book: EventBook) -> None:
        self.book = book
        self.limiter = WindowLimiter(limit=120, window_s=60)  # per aggregator, all streams
        self.forecast = pb_grpc.ForecastStub(grpc.aio.insecure_channel(FORECAST_ADDR))

    async def SubscribeEvents(self, request, context):
        session = await AggregatorSession.open(context)
        if request.portfolio_id != session.portfolio:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"portfolio {request.portfolio_id} is not yours")
        queue = self.book.listen(session.portfolio)
        try:
            async with session.guarded():
                while True:
                    yield await queue.get()
        finally:
            self.book.forget(session.portfolio, queue)

    async def ReportLoad(self, request_iterator, context):
        session = await AggregatorSession.open(context)
        count = 0
        async with session.guarded():
            async for sample in request_iterator:
                if not self.limiter.allow(session.claims["sub"]):
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "more than 120 samples a minute")
                await self.forecast.UpdateActuals(sample, timeout=10)
                count += 1
        return pb.LoadAck(samples=count)
