"""Bearer-token authentication for damwatch (aio interceptor + contextvar)."""
import contextvars
from dataclasses import dataclass

import grpc
import jwt

from .config import settings

current_claims: contextvars.ContextVar["Claims"] = contextvars.ContextVar("current_claims")


@dataclass(frozen=True)
class Claims:
    sub: str
    jti: str
    exp: int
    scopes: frozenset
    dams: frozenset


def _public_key() -> str:
    with open(settings.jwt_public_key_file) as fh:
        return fh.read()


def decode(token: str) -> Claims:
    payload = jwt.decode(
        token,
        _public_key(),
        algorithms=["ES256"],
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        options={"require": ["exp", "sub", "jti"]},
        leeway=1,
    )
    return Claims(
        sub=payload["sub"],
        jti=payload["jti"],
        exp=int(payload["exp"]),
        scopes=frozenset(payload.get("scope", "").split()),
        dams=frozenset(payload.get("dams", [])),
    )


def _deny(code, details):
    async def abort(request_or_iterator, context):
        await context.abort(code, details)

    return abort


class AuthInterceptor(grpc.aio.ServerInterceptor):
    """Validates the JWT when the call starts and publishes the claims to the handler."""

    async def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        header = md.get("authorization", "")
        handler = await continuation(handler_call_details)
        if handler is None:
            return None
        if not header.startswith("Bearer "):
            return _wrap(handler, _deny(grpc.StatusCode.UNAUTHENTICATED, "missing token"))
        try:
            claims = decode(header[len("Bearer "):])
        except jwt.PyJWTError as exc:
            return _wrap(handler, _deny(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}"))
        current_claims.set(claims)
        return handler


def _wrap(handler, fn):
    if handler.request_streaming and handler.response_streaming:
        return grpc.stream_stream_rpc_method_handler(fn, handler.request_deserializer, handler.response_serializer)
    if handler.response_streaming:
        return grpc.unary_stream_rpc_method_handler(fn, handler.request_deserializer, handler.response_serializer)
    if handler.request_streaming:
        return grpc.stream_unary_rpc_method_handler(fn, handler.request_deserializer, handler.response_serializer)
    return grpc.unary_unary_rpc_method_handler(fn, handler.request_deserializer, handler.response_serializer)
