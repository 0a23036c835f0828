"""grpc.aio interceptor: authenticate every call at open and publish the principal."""
from __future__ import annotations

import grpc

from haulage.common.tokens import TokenError, current_principal, verify

_PUBLIC = {"/grpc.health.v1.Health/Check", "/grpc.health.v1.Health/Watch"}


def _deny(details: str) -> grpc.RpcMethodHandler:
    async def abort(request, context):
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, details)

    return grpc.unary_unary_rpc_method_handler(abort)


class AuthInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, handler_call_details):
        if handler_call_details.method in _PUBLIC:
            return await continuation(handler_call_details)
        md = dict(handler_call_details.invocation_metadata or ())
        auth = md.get("authorization", "")
        if not auth.startswith("Bearer "):
            return _deny("missing bearer token")
        try:
            principal = verify(auth[7:])
        except TokenError as exc:
            return _deny(f"invalid token: {exc}")
        current_principal.set(principal)
        return await continuation(handler_call_details)
