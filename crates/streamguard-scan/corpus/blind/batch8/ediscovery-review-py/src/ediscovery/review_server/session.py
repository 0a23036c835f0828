import time

import grpc

from .auth import Principal
from .revocations import revocations


class ReviewerSession:
    """Per-stream view of the reviewer's token for bidi sessions.

    `check()` is called before each action is executed: an expired token or a
    revocation (pushed into `revocations`) ends the stream there.
    """

    def __init__(self, principal: Principal, context: grpc.ServicerContext) -> None:
        self.principal = principal
        self._context = context

    def check(self) -> None:
        p = self.principal
        if time.time() >= p.exp:
            self._context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
        if revocations.is_revoked(p.jti, p.sub):
            self._context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")

    def remaining(self, default: float = 10.0) -> float:
        r = self._context.time_remaining()
        return default if r is None else max(0.0, r)
