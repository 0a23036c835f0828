import time

import grpc
import requests

from .. import downstream
from ..auth import require_role
from ..gen import mill_pb2

POLL_S = 2.0


class LineHandlers:
    @require_role("lead")
    def WatchLine(self, request, context, principal):
        if request.line_id not in principal.lines:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "line not assigned")
        while context.is_active():
            # exp and the pushed revocation set, before every push
            if not principal.still_valid():
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired_or_revoked")
            try:
                st = downstream.plc_status(request.line_id, timeout=downstream.remaining(context, 2.0))
            except requests.RequestException:
                st = {"state": "UNKNOWN"}
            yield mill_pb2.LineStatus(
                line_id=request.line_id,
                feed_speed_mpm=st.get("feed", 0.0),
                logs_per_hour=st.get("lph", 0),
                recovery_pct=st.get("recovery", 0.0),
                state=st.get("state", "UNKNOWN"),
            )
            time.sleep(POLL_S)
