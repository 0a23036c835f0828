import asyncio
import logging
import time

import grpc

from .auth import current_keeper
from .db import OUTAGES_SQL, pool
from .gen import beacon_pb2, beacon_pb2_grpc
from .lamp_client import LampController
from .ratelimit import TokenBucket
from .config import settings

log = logging.getLogger(__name__)

OPS = {
    beacon_pb2.KeeperCommand.SWITCH_LAMP: "switch_lamp",
    beacon_pb2.KeeperCommand.CHANGE_CHARACTER: "change_character",
    beacon_pb2.KeeperCommand.FOG_SIGNAL: "fog_signal",
    beacon_pb2.KeeperCommand.SWAP_BULB: "swap_bulb",
}


class BeaconNetworkServicer(beacon_pb2_grpc.BeaconNetworkServicer):
    def __init__(self, lamps: LampController):
        self._lamps = lamps

    async def WatchBeacon(self, request, context):
        keeper = current_keeper.get()
        if request.station_id not in keeper.stations:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "station not in your district")
        while True:
            try:
                st = await self._lamps.status(request.station_id)
            except Exception as exc:  # radio link down: report and retry
                log.info("status %s failed: %s", request.station_id, exc)
                await asyncio.sleep(10)
                continue
            yield beacon_pb2.BeaconStatus(
                station_id=request.station_id,
                lamp_on=st["lamp_on"],
                character=st["character"],
                visibility_nm=st.get("visibility_nm", 0.0),
                fog_signal_active=st.get("fog_signal", False),
                unix_ms=int(time.time() * 1000),
            )
            await asyncio.sleep(5)

    async def KeeperConsole(self, request_iterator, context):
        keeper = current_keeper.get()
        bucket = TokenBucket(rate=settings.keeper_commands_per_minute / 60, capacity=5)
        authorized = False
        async for cmd in request_iterator:
            if not bucket.take():
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "slow down")
            if not authorized:
                if cmd.station_id not in keeper.stations or "beacon:operate" not in keeper.scopes:
                    await context.abort(grpc.StatusCode.PERMISSION_DENIED, "not your station")
                authorized = True
            op = OPS.get(cmd.op)
            if op is None:
                yield beacon_pb2.KeeperReply(request_id=cmd.request_id, ok=False, message="unknown op")
                continue
            # Radio links are slow; acknowledge now and let the retry loop deliver it.
            asyncio.create_task(self._lamps.apply_with_retry(cmd.station_id, op, cmd.argument))
            yield beacon_pb2.KeeperReply(request_id=cmd.request_id, ok=True, message="queued")

    async def ListOutages(self, request, context):
        keeper = current_keeper.get()
        if request.station_id not in keeper.stations:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "station not in your district")
        remaining = context.time_remaining()
        db = await pool()
        rows = await db.fetch(OUTAGES_SQL, request.station_id, request.since_unix_ms, timeout=remaining)
        for r in rows:
            yield beacon_pb2.Outage(
                station_id=r["station_id"],
                started_unix_ms=int(r["started_at"].timestamp() * 1000),
                ended_unix_ms=int(r["ended_at"].timestamp() * 1000) if r["ended_at"] else 0,
                cause=r["cause"],
            )
