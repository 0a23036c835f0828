"""OvenLine servicer."""
from __future__ import annotations

import logging
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

import grpc
import psycopg

from ovend import downstream
from ovend.auth import require_role, still_valid
from ovend.gen import ovens_pb2, ovens_pb2_grpc

log = logging.getLogger(__name__)

POLL_S = 2.0
MAX_WATCH_S = 30 * 60
MAX_RECIPE_BYTES = 8 << 20
COMMANDS_PER_MINUTE = 30


class OvenLineService(ovens_pb2_grpc.OvenLineServicer):
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self._audit = ThreadPoolExecutor(max_workers=4, thread_name_prefix="mes")
        self._limits: dict[str, list[float]] = defaultdict(list)

    @require_role("baker")
    def WatchOven(self, request, context, claims):
        if request.oven_id not in claims.get("ovens", []):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "oven not assigned")
        opened = time.monotonic()
        while context.is_active():
            still_valid(claims, context)
            if time.monotonic() - opened > MAX_WATCH_S:
                context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
            remaining = context.time_remaining()
            t = downstream.read_oven(request.oven_id, timeout=min(remaining, 5.0) if remaining is not None else 5.0)
            yield ovens_pb2.OvenTelemetry(
                oven_id=request.oven_id,
                zone_temps_c=t["zones"],
                belt_m_per_min=t["belt"],
                humidity_pct=t["rh"],
                unix_ms=int(time.time() * 1000),
            )
            time.sleep(POLL_S)

    @require_role("line-supervisor")
    def BakeSession(self, request_iterator, context, claims):
        peer = context.peer()
        ovens = set(claims.get("ovens", []))
        for cmd in request_iterator:
            still_valid(claims, context)
            if cmd.oven_id not in ovens:
                yield ovens_pb2.BakeEvent(command_id=cmd.command_id, applied=False, error="PERMISSION_DENIED")
                continue
            now = time.monotonic()
            window = [t for t in self._limits[peer] if now - t < 60]
            if len(window) >= COMMANDS_PER_MINUTE:
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
            window.append(now)
            self._limits[peer] = window
            try:
                reply = downstream.set_zone(cmd.oven_id, cmd.zone, cmd.setpoint_c)
            except grpc.RpcError as exc:
                yield ovens_pb2.BakeEvent(command_id=cmd.command_id, applied=False, error=exc.code().name)
                continue
            self._audit.submit(downstream.report_mes, {
                "type": "setpoint",
                "oven": cmd.oven_id,
                "zone": cmd.zone,
                "value": cmd.setpoint_c,
                "by": claims["sub"],
            })
            yield ovens_pb2.BakeEvent(command_id=cmd.command_id, applied=reply.accepted, error=reply.reason)

    @require_role("recipe-editor")
    def UploadRecipe(self, request_iterator, context, claims):
        name, buf = None, bytearray()
        for chunk in request_iterator:
            name = name or chunk.recipe_name
            buf.extend(chunk.data)
            if len(buf) > MAX_RECIPE_BYTES:
                context.abort(grpc.StatusCode.INVALID_ARGUMENT, "recipe too large")
        if not name:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "empty upload")
        etag = downstream.put_recipe(name, bytes(buf))
        return ovens_pb2.UploadResult(recipe_name=name, bytes=len(buf), etag=etag)

    @require_role("baker")
    def ExportBakeLog(self, request, context, claims):
        if request.oven_id not in claims.get("ovens", []):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "oven not assigned")
        remaining = context.time_remaining()
        budget_ms = int((remaining if remaining is not None else 30.0) * 1000)
        with psycopg.connect(self.dsn) as conn:
            context.add_callback(conn.cancel)
            conn.execute(f"SET statement_timeout = {max(budget_ms, 1)}")
            rows = conn.execute(
                "SELECT oven_id, product, extract(epoch from started), extract(epoch from ended), avg_temp_c "
                "FROM bake_log WHERE oven_id = %s AND started::date = %s ORDER BY started",
                (request.oven_id, request.day),
            )
            for r in rows:
                yield ovens_pb2.BakeRecord(oven_id=r[0], product=r[1], started_unix=int(r[2]),
                                           ended_unix=int(r[3]), avg_temp_c=r[4])
