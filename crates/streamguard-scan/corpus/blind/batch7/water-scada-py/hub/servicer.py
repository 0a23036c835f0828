"""scada.v1.Scada for the control room."""

from __future__ import annotations

import asyncio
import time

import asyncpg
import grpc

from hub import plc
from hub.gen import scada_pb2, scada_pb2_grpc
from hub.limits import OperatorLimiter
from hub.session.revocations import RevocationRegistry
from hub.session.stream_session import open_session

SAMPLE_S = 2.0


def may_operate(claims: dict, station_id: str) -> bool:
    return station_id in claims.get("stations", []) and "pump:operate" in claims.get("scope", "").split()


class ScadaServicer(scada_pb2_grpc.ScadaServicer):
    def __init__(self, registry: RevocationRegistry, db: asyncpg.Pool) -> None:
        self._registry = registry
        self._db = db
        self._limiter = OperatorLimiter()

    async def _levels(self, reservoir_id: str, session):
        while True:
            level, inflow, outflow = await plc.read_level(reservoir_id, timeout=session.remaining(5.0))
            yield scada_pb2.Level(reservoir_id=reservoir_id, level_m=level, inflow_lps=inflow,
                                  outflow_lps=outflow, unix_ms=int(time.time() * 1000))
            await asyncio.sleep(SAMPLE_S)

    async def WatchReservoir(self, request, context):
        async with open_session(context, self._registry) as session:
            if request.reservoir_id not in session.claims.get("reservoirs", []):
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "reservoir not in your area")
            async for level in session.bounded(self._levels(request.reservoir_id, session)):
                yield level

    async def PumpControl(self, request_iterator, context):
        async with open_session(context, self._registry) as session:
            operator = session.claims["sub"]
            async for cmd in request_iterator:
                await session.guard()
                if not may_operate(session.claims, cmd.station_id):
                    yield scada_pb2.PumpEvent(request_id=cmd.request_id, status="PERMISSION_DENIED",
                                              detail="insufficient_scope")
                    continue
                if not await self._limiter.allow(operator):
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
                try:
                    status = await plc.command(cmd.station_id, cmd.pump, cmd.action, cmd.setpoint_hz,
                                               timeout=session.remaining())
                except (asyncio.TimeoutError, KeyError, ValueError) as exc:
                    status = f"FAILED: {exc!r}"
                yield scada_pb2.PumpEvent(request_id=cmd.request_id, status=status)

    async def ExportReadings(self, request, context):
        async with open_session(context, self._registry) as session:
            if request.station_id not in session.claims.get("stations", []):
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "station not in your area")
            async with self._db.acquire() as conn:
                rows = await conn.fetch(
                    "SELECT tag, value, extract(epoch FROM ts) * 1000 AS ms FROM readings"
                    " WHERE station_id = $1 AND ts BETWEEN to_timestamp($2 / 1000.0) AND to_timestamp($3 / 1000.0)"
                    " ORDER BY ts LIMIT 100000",
                    request.station_id, request.from_unix_ms, request.to_unix_ms,
                    timeout=session.remaining(),
                )
            for row in rows:
                yield scada_pb2.Reading(tag=row["tag"], value=row["value"], unix_ms=int(row["ms"]))
