"""Dispatch wall board: mirrors assignment changes from Redis to the office screens."""
from __future__ import annotations

import json

import grpc
import redis.asyncio as aioredis

from haulage.gen.haulage.v1 import board_pb2, board_pb2_grpc


class BoardService(board_pb2_grpc.DispatchBoardServicer):
    def __init__(self, redis_url: str) -> None:
        self._redis = aioredis.from_url(redis_url)

    async def WatchDispatch(self, request, context: grpc.aio.ServicerContext):
        pubsub = self._redis.pubsub()
        await pubsub.subscribe(f"dispatch:{request.pit}")
        try:
            async for msg in pubsub.listen():
                if msg["type"] != "message":
                    continue
                ev = json.loads(msg["data"])
                yield board_pb2.DispatchEvent(truck_id=ev["truck_id"], assignment=ev["assignment"], ts=ev["ts"])
        finally:
            await pubsub.unsubscribe()
            await pubsub.close()
