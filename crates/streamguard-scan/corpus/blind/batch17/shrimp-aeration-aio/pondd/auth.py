"""Bearer-token interceptor for grpc.aio: verifies the JWT once per call and stores the claims."""
import contextvars
from pathlib import Path

import grpc
import jwt

from .config import settings

current_claims: contextvars.ContextVar[dict] = contextvars.ContextVar("current_claims")

_PUBLIC_KEY = None


def _key() -> str:
    global _PUBLIC_KEY
    if _PUBLIC_KEY is None:
        _PUBLIC_KEY = Path(settings.jwt_public_key_file).read_text()
    return _PUBLIC_KEY


def verify(token: str) -> dict:
    return jwt.decode(
        token,
        _key(),
        algorithms=["ES256"],
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
        leeway=1,
        options={"require": ["exp", "sub"]},
    )


def _deny(code: grpc.StatusCode, details: str):
    async def abort(request_or_iterator, context):
        await context.abort(code, details)

    return abort


class JwtInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        header = md.get("authorization", "")
        handler = await continuation(handler_call_details)
        if handler is None:
            return None
        if not header.startswith("Bearer "):
            return _rebuild(handler, _deny(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token"))
        try:
            claims = verify(header[7:])
        except jwt.PyJWTError as exc:
            return _rebuild(handler, _deny(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}"))
        current_claims.set(claims)
        return handler


def _rebuild(handler, fn):
    if handler.request_streaming and handler.response_streaming:
        return grpc.stream_stream_rpc_method_handler(fn)
    if handler.response_streaming:
        return grpc.unary_stream_rpc_method_handler(fn)
    if handler.request_streaming:
        return grpc.stream_unary_rpc_method_handler(fn)
    return grpc.unary_unary_rpc_method_handler(fn)


def may_operate(claims: dict, pond_id: str) -> bool:
    return "aerators:write" in claims.get("scope", "").split() and pond_id in claims.get("ponds", [])
