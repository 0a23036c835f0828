import asyncio
import logging

import grpc

from . import db, historian, plc
from .auth import current_claims
from .config import settings
from .gen import dam_pb2, dam_pb2_grpc
from .session import OperatorSession

log = logging.getLogger(__name__)


class DamTelemetryServicer(dam_pb2_grpc.DamTelemetryServicer):
    async def WatchReservoir(self, request, context):
        claims = current_claims.get()
        if request.dam_id not in claims.dams:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "dam not in token")
        interval = max(settings.min_interval_s, request.interval_s or 5)
        while True:
            try:
                row = await historian.latest(request.dam_id)
            except Exception as exc:  # historian hiccups are common during failover
                log.warning("historian latest failed for %s: %s", request.dam_id, exc)
                await asyncio.sleep(interval)
                continue
            yield dam_pb2.LevelReading(
                dam_id=request.dam_id,
                level_m=row["level_m"],
                inflow_m3s=row["inflow"],
                outflow_m3s=row["outflow"],
                unix_ms=row["ts"],
            )
            await asyncio.sleep(interval)

    async def GateControl(self, request_iterator, context):
        session = OperatorSession(current_claims.get(), context)
        async for cmd in request_iterator:
            await session.ensure_valid()
            if not session.may_operate(cmd.dam_id, cmd.gate_id):
                yield dam_pb2.GateAck(request_id=cmd.request_id, accepted=False, error="PERMISSION_DENIED")
                continue
            if not 0.0 <= cmd.opening_pct <= 100.0:
                yield dam_pb2.GateAck(request_id=cmd.request_id, accepted=False, error="opening out of range")
                continue
            try:
                reply = await plc.move_gate(
                    cmd.dam_id, cmd.gate_id, cmd.opening_pct, session.claims.sub, timeout=context.time_remaining()
                )
                result = "ok"
                yield dam_pb2.GateAck(request_id=cmd.request_id, accepted=True, position_pct=reply.position_pct)
            except grpc.aio.AioRpcError as err:
                result = err.code().name
                yield dam_pb2.GateAck(request_id=cmd.request_id, accepted=False, error=err.details() or result)
            # Audit must never slow the operator down.
            asyncio.create_task(db.record_gate_command(
                session.claims.sub, cmd.dam_id, cmd.gate_id, cmd.opening_pct, result, timeout=context.time_remaining()
            ))

    async def ExportReadings(self, request, context):
        claims = current_claims.get()
        if request.dam_id not in claims.dams:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "dam not in token")
        pool = await db.pool()
        async with pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT level_m, inflow, outflow, ts FROM readings WHERE dam_id = $1 AND ts BETWEEN $2 AND $3 ORDER BY ts",
                request.dam_id, request.from_unix_ms, request.to_unix_ms,
            )
        for r in rows:
            yield dam_pb2.LevelReading(dam_id=request.dam_id, level_m=r["level_m"], inflow_m3s=r["inflow"],
                                       outflow_m3s=r["outflow"], unix_ms=r["ts"])

    async def GetStatus(self, request, context):
        row = await historian.latest(request.dam_id)
        return dam_pb2.DamStatus(dam_id=request.dam_id, level_m=row["level_m"], gate_positions=row.get("gates", []))
