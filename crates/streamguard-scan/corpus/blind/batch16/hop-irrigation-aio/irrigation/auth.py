"""Bearer-token verification for the irrigation server (aio interceptor)."""
import contextvars
import logging
from dataclasses import dataclass, field

import grpc
import jwt

from .config import settings

log = logging.getLogger(__name__)

current_user: contextvars.ContextVar["FarmUser"] = contextvars.ContextVar("current_user")


@dataclass
class FarmUser:
    sub: str
    blocks: frozenset[str]
    roles: frozenset[str] = field(default_factory=frozenset)
    exp: int = 0


def _key() -> str:
    with open(settings.jwt_public_key_path) as fh:
        return fh.read()


def verify(token: str) -> FarmUser:
    claims = jwt.decode(
        token, _key(), algorithms=["ES256"], issuer=settings.issuer, audience=settings.audience, leeway=1,
        options={"require": ["exp", "sub"]},
    )
    return FarmUser(
        sub=claims["sub"],
        blocks=frozenset(claims.get("blocks", [])),
        roles=frozenset(claims.get("roles", [])),
        exp=int(claims["exp"]),
    )


def _deny(code: grpc.StatusCode, details: str):
    async def abort(request_or_iterator, context):
        await context.abort(code, details)

    return abort


class BearerInterceptor(grpc.aio.ServerInterceptor):
    """Checks the token when the call starts and stores the user in a contextvar."""

    async def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        raw = md.get("authorization", "")
        if not raw.startswith("Bearer "):
            return _wrap_denial(await continuation(handler_call_details), grpc.StatusCode.UNAUTHENTICATED, "missing token")
        try:
            user = verify(raw[7:])
        except jwt.PyJWTError as exc:
            log.info("refused token: %s", exc)
            return _wrap_denial(await continuation(handler_call_details), grpc.StatusCode.UNAUTHENTICATED, "invalid token")
        current_user.set(user)
        return await continuation(handler_call_details)


def _wrap_denial(handler, code, details):
    if handler is None:
        return None
    if handler.request_streaming and handler.response_streaming:
        return grpc.stream_stream_rpc_method_handler(_deny(code, details))
    if handler.request_streaming:
        return grpc.stream_unary_rpc_method_handler(_deny(code, details))
    if handler.response_streaming:
        return grpc.unary_stream_rpc_method_handler(_deny(code, details))
    return grpc.unary_unary_rpc_method_handler(_deny(code, details))
