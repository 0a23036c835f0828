"""SiloMonitor service implementation."""
from __future__ import annotations

import asyncio
import logging
import time

import grpc

from silo_monitor import clients
from silo_monitor.auth import principal
from silo_monitor.gen import silo_pb2, silo_pb2_grpc
from silo_monitor.limits import probe_limits

log = logging.getLogger(__name__)

HOTSPOT_C = 38.0
REFRESH_S = 15


class SiloMonitorService(silo_pb2_grpc.SiloMonitorServicer):
    def __init__(self, site: str) -> None:
        self.site = site

    async def WatchSilo(self, request, context):
        p = principal()
        if request.silo_id not in p.silos:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "silo not assigned")
        db = await clients.pool()
        last = None
        while True:
            row = await db.fetchrow(
                "SELECT max(temp_c) AS t, avg(moisture_pct) AS m FROM probe_samples "
                "WHERE silo_id=$1 AND at > now() - interval '10 minutes'",
                request.silo_id,
                timeout=context.time_remaining(),
            )
            weather = await clients.ambient(self.site)
            reading = silo_pb2.SiloReading(
                silo_id=request.silo_id,
                max_temp_c=row["t"] or 0.0,
                avg_moisture_pct=row["m"] or 0.0,
                ambient_temp_c=weather["temp_c"],
                ambient_rh_pct=weather["rh_pct"],
                unix_ms=int(time.time() * 1000),
            )
            if reading != last:
                yield reading
                last = reading
            await asyncio.sleep(REFRESH_S)

    async def ProbeUplink(self, request_iterator, context):
        p = principal()
        if p.kind != "probe":
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "probe token required")
        db = await clients.pool()
        async for sample in request_iterator:
            if sample.silo_id not in p.silos:
                yield silo_pb2.ProbeAck(cable_id=sample.cable_id, stored=False, alert="silo not bound")
                continue
            if not await probe_limits.allow(p.sub):
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
            await db.executemany(
                "INSERT INTO probe_samples (silo_id, cable_id, depth_idx, temp_c, moisture_pct, at) "
                "VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0))",
                [
                    (sample.silo_id, sample.cable_id, i, t, sample.moisture_pct, sample.unix_ms)
                    for i, t in enumerate(sample.temps_c)
                ],
                timeout=context.time_remaining(),
            )
            hottest = max(sample.temps_c, default=0.0)
            alert = ""
            if hottest >= HOTSPOT_C:
                alert = "hotspot"
                asyncio.create_task(clients.notify_hotspot(sample.silo_id, sample.cable_id, hottest))
            yield silo_pb2.ProbeAck(cable_id=sample.cable_id, stored=True, alert=alert)

    async def ListAlarms(self, request, context):
        p = principal()
        if request.silo_id not in p.silos:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "silo not assigned")
        db = await clients.pool()
        rows = await db.fetch(
            "SELECT silo_id, kind, value, extract(epoch from at)*1000 AS ms FROM alarms "
            "WHERE silo_id=$1 AND at >= to_timestamp($2) ORDER BY at LIMIT 2000",
            request.silo_id,
            request.since_unix,
            timeout=context.time_remaining(),
        )
        for r in rows:
            yield silo_pb2.Alarm(silo_id=r["silo_id"], kind=r["kind"], value=r["value"], unix_ms=int(r["ms"]))
