"""Bearer-token check for the FlightWatch server, done once per call in an interceptor."""
from __future__ import annotations

import contextvars
import os

import grpc
import jwt

claims_var: contextvars.ContextVar[dict] = contextvars.ContextVar("claims")

_KEY = open(os.environ.get("FLIGHTWATCH_JWT_KEY", "/etc/flightwatch/jwt.pem")).read()
_AUDIENCE = os.environ.get("FLIGHTWATCH_AUDIENCE", "flightwatch")


def _deny(details: str) -> grpc.RpcMethodHandler:
    async def abort(request, context):
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, details)

    return grpc.unary_unary_rpc_method_handler(abort)


class AuthInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        header = md.get("authorization", "")
        if not header.startswith("Bearer "):
            return _deny("missing bearer token")
        try:
            claims = jwt.decode(header[7:], _KEY, algorithms=["ES256"], audience=_AUDIENCE, leeway=1)
        except jwt.PyJWTError as exc:
            return _deny(f"invalid token: {exc}")
        claims_var.set(claims)
        return await continuation(handler_call_details)


def current_claims() -> dict:
    return claims_var.get()
