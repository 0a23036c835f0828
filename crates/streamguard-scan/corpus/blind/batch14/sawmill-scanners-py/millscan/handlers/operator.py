import threading
import time

import grpc
import requests

from .. import config, downstream
from ..auth import require_role
from ..gen import mill_pb2

_peer_lock = threading.Lock()
_peer_windows: dict[str, tuple[float, int]] = {}


def _peer_allow(peer: str) -> bool:
    now = time.monotonic()
    with _peer_lock:
        start, n = _peer_windows.get(peer, (now, 0))
        if now - start >= 60:
            start, n = now, 0
        n += 1
        _peer_windows[peer] = (start, n)
        return n <= config.SETWORKS_PER_MINUTE


class OperatorHandlers:
    @require_role("sawyer")
    def OperatorSession(self, request_iterator, context, principal):
        authorized_line = None
        for cmd in request_iterator:
            if authorized_line is None:
                if cmd.line_id not in principal.lines:
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, "line not assigned")
                authorized_line = cmd.line_id
            if not _peer_allow(context.peer()):
                yield mill_pb2.SetworksAck(request_id=cmd.request_id, ok=False, detail="RESOURCE_EXHAUSTED")
                continue
            try:
                res = downstream.plc_setworks(cmd.line_id, cmd.carriage, cmd.action, cmd.set_mm,
                                              timeout=downstream.remaining(context, 1.0))
                yield mill_pb2.SetworksAck(request_id=cmd.request_id, ok=True, detail=res.get("state", ""))
            except requests.RequestException as exc:
                yield mill_pb2.SetworksAck(request_id=cmd.request_id, ok=False, detail=str(exc))
