"""WatchHaulRoad and ListShiftLoads."""
from __future__ import annotations

import asyncio
import time

import asyncpg
import grpc

from haulage.common.revocations import RevocationSet
from haulage.common.settings import settings
from haulage.common.tokens import current_principal, still_valid
from haulage.gen.haulage.v1 import fleet_pb2

ROAD_POLL_S = 2.0


def _query_budget(context: grpc.aio.ServicerContext, default: float) -> float:
    """The caller's remaining time, or a default when the caller set no deadline."""
    remaining = context.time_remaining()
    return default if remaining is None else max(0.0, min(remaining, 3600.0))


class RoadHandlers:
    def __init__(self, pool: asyncpg.Pool, revocations: RevocationSet) -> None:
        self.pool = pool
        self.revocations = revocations

    async def WatchHaulRoad(self, request, context: grpc.aio.ServicerContext):
        principal = current_principal.get()
        last = None
        try:
            async with asyncio.timeout(settings.max_road_watch_s):
                while True:
                    if principal is None or not still_valid(principal, self.revocations.revoked):
                        await context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired_or_revoked")
                    row = await self.pool.fetchrow(
                        "SELECT surface, grade_pct, closed, extract(epoch from updated_at)::bigint AS ts "
                        "FROM road_segments WHERE segment_id = $1", request.segment_id, timeout=_query_budget(context, ROAD_POLL_S))
                    if row and row != last:
                        last = row
                        yield fleet_pb2.RoadCondition(segment_id=request.segment_id, surface=row["surface"],
                                                      grade_pct=row["grade_pct"], closed=row["closed"], ts=row["ts"])
                    await asyncio.sleep(ROAD_POLL_S)
        except TimeoutError:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")

    async def ListShiftLoads(self, request, context: grpc.aio.ServicerContext):
        rows = await self.pool.fetch(
            "SELECT truck_id, shovel_id, tonnes, extract(epoch from loaded_at)::bigint AS ts "
            "FROM loads WHERE shift_id = $1 ORDER BY loaded_at LIMIT 5000",
            request.shift_id, timeout=_query_budget(context, 10.0))
        for r in rows:
            yield fleet_pb2.LoadRecord(truck_id=r["truck_id"], shovel_id=r["shovel_id"], tonnes=r["tonnes"], ts=r["ts"])

    async def GetTruck(self, request, context: grpc.aio.ServicerContext):
        row = await self.pool.fetchrow("SELECT model, state FROM trucks WHERE truck_id = $1", request.truck_id, timeout=3)
        if row is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"no truck {request.truck_id}")
        return fleet_pb2.Truck(truck_id=request.truck_id, model=row["model"], state=row["state"])
