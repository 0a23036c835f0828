import logging
import time
from concurrent.futures import ThreadPoolExecutor

import grpc

from .. import config, downstream
from ..gen import centrifuge_pb2
from ..security import ensure_valid, require_role

log = logging.getLogger(__name__)
_archiver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="archive")

# Commands per minute, per console connection.
_windows: dict[str, list[float]] = {}


def _allow(peer: str) -> bool:
    now = time.monotonic()
    stamps = [t for t in _windows.get(peer, []) if now - t < 60]
    if len(stamps) >= config.COMMANDS_PER_MINUTE:
        _windows[peer] = stamps
        return False
    stamps.append(now)
    _windows[peer] = stamps
    return True


class OperatorHandlers:
    @require_role("pan-operator")
    def BatchSession(self, request_iterator, context, op):
        peer = context.peer()
        for cmd in request_iterator:
            ensure_valid(op, context)
            if not op.may_operate(cmd.machine_id):
                yield centrifuge_pb2.BatchReply(command_id=cmd.command_id, status="PERMISSION_DENIED",
                                                detail="machine not on your station")
                continue
            if not _allow(peer):
                yield centrifuge_pb2.BatchReply(command_id=cmd.command_id, status="RESOURCE_EXHAUSTED",
                                                detail="slow down")
                continue
            try:
                result = downstream.mes_command(cmd.machine_id, cmd.action, cmd.wash_seconds)
            except Exception as exc:  # noqa: BLE001
                yield centrifuge_pb2.BatchReply(command_id=cmd.command_id, status="UNAVAILABLE", detail=str(exc))
                continue
            if cmd.action == "DISCHARGE":
                _archiver.submit(downstream.archive_cycle, cmd.machine_id, result)
            yield centrifuge_pb2.BatchReply(command_id=cmd.command_id, status="OK", detail=result.get("phase", ""))
