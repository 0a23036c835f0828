import asyncio
import json
import logging
import time

import grpc
import redis.asyncio as aioredis

from .clients.pricing import PricingClient
from .gen import odds_pb2

log = logging.getLogger(__name__)


class MarketBoard:
    """Market status changes arrive on a Redis channel; prices come from the pricing engine."""

    def __init__(self, redis_url: str):
        self._redis = aioredis.from_url(redis_url)

    async def changes(self, market_ids: list[str], sport: str):
        pubsub = self._redis.pubsub()
        channels = [f"market:{m}" for m in market_ids] or [f"sport:{sport}"]
        await pubsub.subscribe(*channels)
        try:
            async for message in pubsub.listen():
                if message["type"] != "message":
                    continue
                yield json.loads(message["data"])
        finally:
            await pubsub.unsubscribe(*channels)
            await pubsub.aclose()


class MarketPublisher:
    def __init__(self, context: grpc.aio.ServicerContext, pricing: PricingClient, board: MarketBoard, subscriber: str):
        self._ctx = context
        self._pricing = pricing
        self._board = board
        self._subscriber = subscriber
        self._seq = 0
        self._heartbeat_task: asyncio.Task | None = None

    async def _heartbeat(self) -> None:
        while True:
            try:
                await self._pricing.heartbeat(self._subscriber)
            except grpc.aio.AioRpcError as exc:
                log.debug("pricing heartbeat failed: %s", exc.code())
            await asyncio.sleep(5)

    async def run(self, market_ids: list[str], sport: str, revoked: asyncio.Event) -> None:
        self._heartbeat_task = asyncio.create_task(self._heartbeat())
        async for change in self._board.changes(market_ids, sport):
            if revoked.is_set():
                await self._ctx.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
            selections = await self._pricing.quote(
                change["market_id"], change.get("selections", []), timeout=self._ctx.time_remaining()
            )
            self._seq += 1
            await self._ctx.write(
                odds_pb2.MarketUpdate(
                    market_id=change["market_id"],
                    status=change.get("status", "open"),
                    selections=selections,
                    seq=self._seq,
                    at_ms=int(time.time() * 1000),
                )
            )
