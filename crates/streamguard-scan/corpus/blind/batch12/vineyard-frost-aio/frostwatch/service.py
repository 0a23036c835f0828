import asyncio
import logging
import time

import grpc

from frostwatch import readings
from frostwatch.auth import current_grower
from frostwatch.fans import FanGateway
from frostwatch.gen import frost_pb2, frost_pb2_grpc
from frostwatch.limits import TokenBucket
from frostwatch.settings import SETTINGS

log = logging.getLogger(__name__)

MAX_SAMPLES = 20_000


def _remaining(context, default=10.0):
    left = context.time_remaining()
    return default if left is None else max(0.05, left)


class FrostControl(frost_pb2_grpc.FrostControlServicer):
    def __init__(self, pool, http):
        self._pool = pool
        self._http = http
        self._fans = FanGateway(http)

    async def WatchBlock(self, request, context):
        grower = current_grower.get()
        if request.block_id not in grower.blocks:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "block not permitted")
        async with asyncio.timeout(SETTINGS.max_watch_seconds):
            last_at = None
            while True:
                row = await readings.latest_reading(self._pool, request.block_id, timeout=_remaining(context))
                if row and row["at_unix"] != last_at:
                    last_at = row["at_unix"]
                    tmin = await readings.forecast_min(self._http, request.block_id)
                    yield frost_pb2.TempReading(
                        block_id=request.block_id,
                        air_c=row["air_c"],
                        dew_point_c=row["dew_point_c"],
                        forecast_min_c=tmin,
                        at_unix=row["at_unix"],
                    )
                await asyncio.sleep(15)

    async def FanSession(self, request_iterator, context):
        grower = current_grower.get()
        bucket = TokenBucket(SETTINGS.fan_commands_per_minute)
        async for cmd in request_iterator:
            if cmd.block_id not in grower.blocks or "fans:operate" not in grower.scopes:
                yield frost_pb2.FanAck(request_id=cmd.request_id, ok=False, detail="PERMISSION_DENIED")
                continue
            if not bucket.take():
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "too many fan commands")
            if cmd.action == "START_CYCLE":
                asyncio.create_task(self._fans.run_cycle(cmd.machine_id, min(cmd.minutes or 30, 240)))
                yield frost_pb2.FanAck(request_id=cmd.request_id, ok=True, detail="cycle started")
            elif cmd.action == "STOP":
                await self._fans.stop(cmd.machine_id, timeout=_remaining(context))
                yield frost_pb2.FanAck(request_id=cmd.request_id, ok=True, detail="stopped")
            elif cmd.action == "STATUS":
                st = await self._fans.status(cmd.machine_id, timeout=_remaining(context))
                yield frost_pb2.FanAck(request_id=cmd.request_id, ok=True, detail=st.get("state", "?"))
            else:
                yield frost_pb2.FanAck(request_id=cmd.request_id, ok=False, detail="INVALID_ARGUMENT")

    async def UploadProbeLog(self, request_iterator, context):
        grower = current_grower.get()
        rows, rejected = [], 0
        async for s in request_iterator:
            if len(rows) + rejected >= MAX_SAMPLES:
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "upload too large")
            if s.block_id not in grower.blocks:
                rejected += 1
                continue
            rows.append((s.probe_id, s.block_id, s.air_c, s.at_unix))
        await readings.insert_samples(self._pool, rows, timeout=_remaining(context))
        return frost_pb2.UploadSummary(accepted=len(rows), rejected=rejected)
