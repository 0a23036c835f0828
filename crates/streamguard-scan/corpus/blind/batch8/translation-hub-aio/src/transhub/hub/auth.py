"""JWT verification for the hub.

The aio interceptor verifies the linguist's token when a call starts and puts
the claims into a context variable that the servicer reads."""
import contextvars
from dataclasses import dataclass

import grpc
import jwt

from . import settings


@dataclass(frozen=True)
class Linguist:
    sub: str
    jti: str
    exp: float
    projects: frozenset
    roles: frozenset


current_linguist: contextvars.ContextVar[Linguist] = contextvars.ContextVar("current_linguist")


def decode(token: str) -> Linguist:
    c = jwt.decode(token, settings.JWT_PUBLIC_KEY, algorithms=["ES256"], audience=settings.JWT_AUDIENCE, leeway=1, options={"require": ["exp", "sub", "jti"]})
    return Linguist(sub=c["sub"], jti=c["jti"], exp=float(c["exp"]), projects=frozenset(c.get("projects", [])), roles=frozenset(c.get("roles", [])))


def _abort_handler(code: grpc.StatusCode, details: str):
    async def deny(request_or_iterator, context):
        await context.abort(code, details)

    return grpc.unary_unary_rpc_method_handler(deny)


class JwtInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        auth = md.get("authorization", "")
        if not auth.startswith("Bearer "):
            return _abort_handler(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
        try:
            current_linguist.set(decode(auth[7:]))
        except jwt.PyJWTError as exc:
            return _abort_handler(grpc.StatusCode.UNAUTHENTICATED, f"token rejected: {exc}")
        return await continuation(handler_call_details)
