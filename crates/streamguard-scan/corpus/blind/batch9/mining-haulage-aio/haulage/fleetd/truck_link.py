"""TruckLink: one bidirectional stream per truck for the whole shift."""
from __future__ import annotations

import asyncio
import logging

import grpc

from haulage.common.ratelimit import TokenBucket
from haulage.common.tokens import current_principal
from haulage.fleetd.planner import Archive, PlannerClient
from haulage.gen.haulage.v1 import fleet_pb2

log = logging.getLogger(__name__)

# Trucks report at 2 Hz; allow bursts after a radio drop-out.
TELEMETRY_RATE = 4.0
TELEMETRY_BURST = 40


class TruckLinkHandler:
    def __init__(self, planner: PlannerClient, archive: Archive) -> None:
        self.planner = planner
        self.archive = archive

    async def _archive_cycle(self, t: fleet_pb2.TruckTelemetry) -> None:
        try:
            await self.archive.put_cycle(t.truck_id, {"payload_t": t.payload_t, "ts": t.ts, "state": t.state})
        except Exception:  # archive is best-effort
            log.exception("cycle archive failed for %s", t.truck_id)

    async def TruckLink(self, request_iterator, context: grpc.aio.ServicerContext):
        principal = current_principal.get()
        if principal is None or principal.kind != "truck" or not principal.truck_id:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "truck token required")
        bucket = TokenBucket(TELEMETRY_RATE, TELEMETRY_BURST)
        async for t in request_iterator:
            if not bucket.take():
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "telemetry rate exceeded")
            if t.truck_id != principal.truck_id:
                # Telemetry is always about the authenticated truck.
                continue
            if t.state == "DUMP_COMPLETE":
                asyncio.create_task(self._archive_cycle(t))
            action = await self.planner.next_action({
                "truck_id": t.truck_id, "lat": t.lat, "lon": t.lon, "speed_kph": t.speed_kph,
                "payload_t": t.payload_t, "state": t.state,
            })
            if action:
                yield fleet_pb2.TruckCommand(truck_id=t.truck_id, action=action["action"],
                                             target=action.get("target", ""), reason=action.get("reason", ""))
