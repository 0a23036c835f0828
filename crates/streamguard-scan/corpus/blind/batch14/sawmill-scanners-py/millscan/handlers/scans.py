import grpc

from .. import downstream
from ..auth import require_role
from ..gen import mill_pb2
from ..limits import scan_budget


class ScanHandlers:
    @require_role("scanner")
    def StreamScans(self, request_iterator, context, principal):
        logs = optimized = 0
        for scan in request_iterator:
            if not principal.still_valid():
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired_or_revoked")
            if scan.line_id not in principal.lines:
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "line not bound to this scanner")
            if not scan_budget.allow(principal.sub):
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
            logs += 1
            try:
                downstream.optimize(scan, timeout=downstream.remaining(context, 1.5))
                optimized += 1
            except grpc.RpcError as exc:
                if exc.code() == grpc.StatusCode.DEADLINE_EXCEEDED and context.time_remaining() is not None \
                        and context.time_remaining() <= 0:
                    raise
        return mill_pb2.ScanSummary(logs=logs, optimized=optimized)
