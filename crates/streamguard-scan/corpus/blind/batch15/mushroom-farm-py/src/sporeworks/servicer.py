import time
from concurrent.futures import ThreadPoolExecutor

import grpc

from . import hvac, limits, settings
from .auth import require_role, still_valid
from .gen import farm_pb2, farm_pb2_grpc
from .harvest import archive_csv, fetch_flush

_background = ThreadPoolExecutor(max_workers=4, thread_name_prefix="archive")


class GrowRoomsServicer(farm_pb2_grpc.GrowRoomsServicer):
    @require_role("grower")
    def WatchRoom(self, request, context, grower):
        if request.room_id not in grower.rooms:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "room not assigned")
        opened = time.monotonic()
        while context.is_active():
            still_valid(grower, context)
            if time.monotonic() - opened > settings.MAX_WATCH_SECONDS:
                context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
            try:
                climate = hvac.read_room(request.room_id, timeout=min(hvac.remaining(context, 5.0), 5.0))
            except grpc.RpcError as err:
                if err.code() == grpc.StatusCode.DEADLINE_EXCEEDED and not context.is_active():
                    return
                time.sleep(2)
                continue
            yield climate
            time.sleep(2)

    @require_role("grower")
    def ClimateSession(self, request_iterator, context, grower):
        peer = context.peer()
        for cmd in request_iterator:
            still_valid(grower, context)
            if not limits.allow(peer, settings.SETPOINTS_PER_MINUTE):
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
            if cmd.room_id not in grower.rooms:
                yield farm_pb2.SetpointAck(request_id=cmd.request_id, applied=False, reason="PERMISSION_DENIED")
                continue
            try:
                yield hvac.apply_setpoint(cmd)
            except grpc.RpcError as err:
                yield farm_pb2.SetpointAck(request_id=cmd.request_id, applied=False, reason=err.code().name)

    @require_role("packer")
    def ExportHarvest(self, request, context, grower):
        rows = fetch_flush(request.room_id, request.flush)
        _background.submit(archive_csv, request.room_id, request.flush, rows)
        for picker, kg, grade, unix_ms in rows:
            if not context.is_active():
                return
            yield farm_pb2.HarvestRecord(
                room_id=request.room_id, flush=request.flush, picker=picker,
                kg=float(kg), grade=grade, unix_ms=int(unix_ms),
            )
