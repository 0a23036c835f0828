"""JWT check for patrol staff, done once per call by an aio server interceptor."""
import contextvars
from dataclasses import dataclass

import grpc
import jwt

from .config import settings

current_patroller: contextvars.ContextVar["Patroller"] = contextvars.ContextVar("current_patroller")


@dataclass(frozen=True)
class Patroller:
    sub: str
    zones: frozenset
    roles: frozenset
    exp: int


with open(settings.jwt_public_key_file, "rb") as fh:
    _PUBLIC_KEY = fh.read()


def verify(token: str) -> Patroller:
    claims = jwt.decode(
        token,
        _PUBLIC_KEY,
        algorithms=["ES256"],
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
        options={"require": ["exp", "sub"]},
        leeway=1,
    )
    return Patroller(
        sub=claims["sub"],
        zones=frozenset(claims.get("zones", [])),
        roles=frozenset(claims.get("roles", [])),
        exp=int(claims["exp"]),
    )


def _deny(code, detail):
    async def handler(request_or_iterator, context):
        await context.abort(code, detail)

    return handler


class PatrolAuthInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, handler_call_details):
        if handler_call_details.method in settings.public_methods:
            return await continuation(handler_call_details)
        md = dict(handler_call_details.invocation_metadata or ())
        header = md.get("authorization", "")
        if not header.startswith("Bearer "):
            return grpc.unary_unary_rpc_method_handler(_deny(grpc.StatusCode.UNAUTHENTICATED, "missing token"))
        try:
            patroller = verify(header[7:])
        except jwt.PyJWTError as exc:
            return grpc.unary_unary_rpc_method_handler(_deny(grpc.StatusCode.UNAUTHENTICATED, str(exc)))
        current_patroller.set(patroller)
        return await continuation(handler_call_details)
