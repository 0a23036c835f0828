import asyncio
import logging
import time

import grpc

from . import clients, zones
from .auth import current_patroller
from .config import settings
from .gen import slope_pb2, slope_pb2_grpc

log = logging.getLogger(__name__)


class SlopeWatchServicer(slope_pb2_grpc.SlopeWatchServicer):
    async def WatchSlope(self, request, context):
        patroller = current_patroller.get()
        if request.zone_id not in patroller.zones:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "zone not assigned")
        interval = request.interval_s or settings.default_interval_s
        while True:
            try:
                stations = await clients.station_readings(request.zone_id)
            except Exception as exc:  # model server restarts every night
                log.warning("snowpack model unavailable: %s", exc)
                stations = []
            for st in stations:
                yield slope_pb2.SlopeReading(
                    station_id=st["id"],
                    snow_depth_cm=st["hs"],
                    new_snow_24h_cm=st["hn24"],
                    wind_speed_ms=st["vw"],
                    danger_index=st["danger"],
                    unix_ms=int(time.time() * 1000),
                )
            await asyncio.sleep(interval)

    async def ControlSession(self, request_iterator, context):
        patroller = current_patroller.get()
        if "blaster" not in patroller.roles:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "blaster role required")
        armed_zone = None
        async for cmd in request_iterator:
            kind = cmd.WhichOneof("cmd")
            if kind == "arm":
                if cmd.arm.zone_id not in patroller.zones:
                    yield slope_pb2.ControlEvent(request_id=cmd.request_id, status="PERMISSION_DENIED")
                    continue
                armed_zone = cmd.arm.zone_id
                yield slope_pb2.ControlEvent(request_id=cmd.request_id, status="ARMED", detail=armed_zone)
            elif kind == "fire":
                if armed_zone is None:
                    yield slope_pb2.ControlEvent(request_id=cmd.request_id, status="FAILED_PRECONDITION", detail="arm first")
                    continue
                # the firing sequence takes ~40 s (gas fill, ignition, confirm);
                # do not hold the session while it runs
                remaining = context.time_remaining()
                asyncio.create_task(self._fire(cmd.fire.exploder_id, cmd.fire.charge, remaining, patroller.sub))
                yield slope_pb2.ControlEvent(request_id=cmd.request_id, status="FIRING", detail=cmd.fire.exploder_id)
            elif kind == "disarm":
                armed_zone = None
                yield slope_pb2.ControlEvent(request_id=cmd.request_id, status="DISARMED")

    async def _fire(self, exploder_id, charge, timeout, sub):
        try:
            res = await clients.fire_exploder(exploder_id, charge, timeout)
            log.info("exploder %s fired by %s: %s", exploder_id, sub, res.result)
        except grpc.aio.AioRpcError as exc:
            log.error("exploder %s failed: %s", exploder_id, exc.details())

    async def GetZone(self, request, context):
        z = zones.zone(request.zone_id)
        if z is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "no such zone")
        return slope_pb2.Zone(zone_id=request.zone_id, name=z["name"], exploders=z["exploders"])
