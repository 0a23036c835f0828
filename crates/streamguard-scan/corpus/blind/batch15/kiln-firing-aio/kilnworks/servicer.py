import asyncio
import time
import uuid

import asyncpg
import grpc

from .gen import kiln_pb2, kiln_pb2_grpc
from .session import open_session
from .settings import settings

KIND_SCOPE = {
    kiln_pb2.FiringCommand.HOLD: ("hold", "kiln:operate"),
    kiln_pb2.FiringCommand.SKIP_SEGMENT: ("skip", "kiln:operate"),
    kiln_pb2.FiringCommand.VENT: ("vent", "kiln:operate"),
    kiln_pb2.FiringCommand.ABORT_FIRING: ("abort", "kiln:abort"),
}


class KilnsServicer(kiln_pb2_grpc.KilnsServicer):
    def __init__(self, deps):
        self.deps = deps

    async def WatchKiln(self, request, context):
        async with open_session(context, self.deps) as sess:
            if request.kiln_id not in sess.potter.kilns:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "kiln not yours")
            while True:
                r = await self.deps.bridge.reading(request.kiln_id, budget=sess.remaining(3.0))
                yield kiln_pb2.KilnReading(
                    kiln_id=request.kiln_id, temp_c=r["temp_c"], setpoint_c=r["setpoint_c"],
                    segment=r["segment"], state=r["state"], unix_ms=int(time.time() * 1000),
                )
                await asyncio.sleep(2)

    async def FiringSession(self, request_iterator, context):
        async with open_session(context, self.deps) as sess:
            commands_seen = 0  # shown on the studio dashboard
            async for cmd in request_iterator:
                commands_seen += 1
                await self.deps.limits.take(sess.potter.sub, context)
                kind, scope = KIND_SCOPE.get(cmd.kind, (None, None))
                if kind is None or scope not in sess.potter.scopes or cmd.kiln_id not in sess.potter.kilns:
                    yield kiln_pb2.FiringEvent(
                        request_id=cmd.request_id, ok=False, status="PERMISSION_DENIED", detail="insufficient_scope"
                    )
                    continue
                try:
                    res = await self.deps.bridge.command(cmd.kiln_id, kind, cmd.minutes, budget=sess.remaining(5.0))
                except Exception as exc:
                    yield kiln_pb2.FiringEvent(request_id=cmd.request_id, ok=False, status="UNAVAILABLE", detail=str(exc))
                    continue
                yield kiln_pb2.FiringEvent(
                    request_id=cmd.request_id, ok=True, status="OK", detail=f"{res.get('state')} #{commands_seen}"
                )

    async def UploadSchedule(self, request_iterator, context):
        async with open_session(context, self.deps) as sess:
            if "schedule:write" not in sess.potter.scopes:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "schedule:write required")
            segments = []
            async for seg in request_iterator:
                segments.append(seg)
                if len(segments) > settings.max_segments:
                    await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "too many segments")
            if not segments:
                await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "empty schedule")
            schedule_id = str(uuid.uuid4())
            async with self.deps.pg.acquire() as conn:
                await conn.executemany(
                    "INSERT INTO schedule_segments (schedule_id, name, idx, rate, target, hold, owner) "
                    "VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    [(schedule_id, s.schedule_name, s.index, s.rate_c_per_hour, s.target_c, s.hold_minutes,
                      sess.potter.sub) for s in segments],
                    timeout=sess.remaining(10.0),
                )
            return kiln_pb2.ScheduleReceipt(schedule_id=schedule_id, segments=len(segments))
