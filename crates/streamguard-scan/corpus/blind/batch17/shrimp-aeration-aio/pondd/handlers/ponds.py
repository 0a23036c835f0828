import asyncio
import logging
import time

import grpc

from ..auth import current_claims, may_operate
from ..clients import db
from ..clients.aerators import AeratorPlc
from ..clients.sensors import SensorApi
from ..config import settings
from ..gen import ponds_pb2, ponds_pb2_grpc
from ..limits import SlidingWindow

log = logging.getLogger(__name__)


class PondsServicer(ponds_pb2_grpc.PondsServicer):
    def __init__(self):
        self.sensors = SensorApi()
        self.plc = AeratorPlc()
        self.limiter = SlidingWindow(settings.commands_per_minute)

    async def WatchPond(self, request, context):
        claims = current_claims.get()
        if request.pond_id not in claims.get("ponds", []):
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "pond not in token")
        while True:
            try:
                r = await self.sensors.latest(request.pond_id)
                yield ponds_pb2.PondReading(
                    pond_id=request.pond_id,
                    oxygen_mg_l=r["do_mg_l"],
                    temp_c=r["temp_c"],
                    at_unix_ms=int(r["ts"] * 1000),
                )
            except (asyncio.TimeoutError, KeyError) as exc:
                log.warning("sensor read for %s failed: %s", request.pond_id, exc)
            await asyncio.sleep(settings.reading_period_s)

    async def AeratorConsole(self, request_iterator, context):
        claims = current_claims.get()
        async for cmd in request_iterator:
            if not may_operate(claims, cmd.pond_id):
                yield ponds_pb2.AeratorAck(request_id=cmd.request_id, status="PERMISSION_DENIED",
                                           detail="insufficient_scope")
                continue
            if not self.limiter.allow(context.peer()):
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
            index = int(cmd.aerator_id.rsplit("-", 1)[-1])
            # the soft-start takes a while; acknowledge at once and let it run
            asyncio.create_task(self.plc.set_speed(index, cmd.rpm))
            yield ponds_pb2.AeratorAck(request_id=cmd.request_id, status="ACCEPTED",
                                       detail=f"{cmd.aerator_id} -> {cmd.rpm} rpm")

    async def ListHarvests(self, request, context):
        claims = current_claims.get()
        if request.farm_id not in claims.get("farms", []):
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "farm not in token")
        remaining = context.time_remaining()
        p = await db.pool()
        rows = await p.fetch(
            "SELECT pond_id, kg, count_per_kg, day::text FROM harvests WHERE farm_id = $1 AND season = $2 ORDER BY day",
            request.farm_id,
            request.season,
            timeout=remaining,
        )
        for row in rows:
            yield ponds_pb2.Harvest(pond_id=row["pond_id"], kg=row["kg"], count_per_kg=row["count_per_kg"],
                                    day=row["day"])
