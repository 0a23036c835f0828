"""JWT authentication for the silo services (grpc.aio interceptor)."""
from __future__ import annotations

import contextvars
import os
from dataclasses import dataclass, field

import grpc
import jwt

ISSUER = os.environ.get("SILO_JWT_ISSUER", "https://login.coop-elevators.example/")
AUDIENCE = os.environ.get("SILO_JWT_AUDIENCE", "silo-monitor")
_PUBLIC_KEY = os.environ.get("SILO_JWT_PUBLIC_KEY", "")


@dataclass(frozen=True)
class Principal:
    sub: str
    kind: str  # "operator" or "probe"
    silos: frozenset[str] = field(default_factory=frozenset)
    scopes: frozenset[str] = field(default_factory=frozenset)
    exp: int = 0


current_principal: contextvars.ContextVar[Principal | None] = contextvars.ContextVar(
    "current_principal", default=None
)


def decode(token: str) -> Principal:
    claims = jwt.decode(
        token,
        _PUBLIC_KEY,
        algorithms=["ES256"],
        audience=AUDIENCE,
        issuer=ISSUER,
        leeway=1,
        options={"require": ["exp", "sub"]},
    )
    return Principal(
        sub=claims["sub"],
        kind=claims.get("kind", "operator"),
        silos=frozenset(claims.get("silos", [])),
        scopes=frozenset(str(claims.get("scope", "")).split()),
        exp=int(claims["exp"]),
    )


def _deny(code: grpc.StatusCode, details: str):
    async def abort(request_or_iterator, context):
        await context.abort(code, details)

    return abort


class JwtInterceptor(grpc.aio.ServerInterceptor):
    """Verifies the bearer token when a call opens and publishes the
    principal in a context variable for the handler."""

    async def intercept_service(self, continuation, handler_call_details):
        handler = await continuation(handler_call_details)
        if handler is None or handler_call_details.method.startswith("/grpc.health"):
            return handler
        md = dict(handler_call_details.invocation_metadata or ())
        header = md.get("authorization", "")
        if not header.startswith("Bearer "):
            return _replace(handler, _deny(grpc.StatusCode.UNAUTHENTICATED, "missing token"))
        try:
            principal = decode(header[7:])
        except jwt.PyJWTError as exc:
            return _replace(handler, _deny(grpc.StatusCode.UNAUTHENTICATED, str(exc)))
        current_principal.set(principal)
        return handler


def _replace(handler, fn):
    if handler.request_streaming and handler.response_streaming:
        return grpc.stream_stream_rpc_method_handler(fn)
    if handler.response_streaming:
        return grpc.unary_stream_rpc_method_handler(fn)
    if handler.request_streaming:
        return grpc.stream_unary_rpc_method_handler(fn)
    return grpc.unary_unary_rpc_method_handler(fn)


def principal() -> Principal:
    p = current_principal.get()
    if p is None:
        raise RuntimeError("no principal in context: interceptor not installed")
    return p
