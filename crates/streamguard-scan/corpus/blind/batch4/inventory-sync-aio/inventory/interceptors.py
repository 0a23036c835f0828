from __future__ import annotations

import logging

import grpc

from .auth import AuthError, TokenVerifier

log = logging.getLogger(__name__)


def _deny(details: str) -> grpc.RpcMethodHandler:
    async def abort(request, context: grpc.aio.ServicerContext):
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, details)

    return grpc.unary_unary_rpc_method_handler(abort)


class AuthInterceptor(grpc.aio.ServerInterceptor):
    """Rejects calls without a valid token before they reach the servicer."""

    def __init__(self, verifier: TokenVerifier, public_methods: frozenset[str] = frozenset()) -> None:
        self._verifier = verifier
        self._public = public_methods

    async def intercept_service(self, continuation, handler_call_details):
        if handler_call_details.method in self._public:
            return await continuation(handler_call_details)
        try:
            self._verifier.verify(handler_call_details.invocation_metadata or ())
        except AuthError as exc:
            log.info("refused %s: %s", handler_call_details.method, exc)
            return _deny(str(exc))
        return await continuation(handler_call_details)
