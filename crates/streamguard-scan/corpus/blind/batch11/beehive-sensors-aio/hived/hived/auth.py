"""Bearer-token interceptor for hived (grpc.aio)."""
import contextvars
from dataclasses import dataclass

import grpc
import jwt

from .settings import settings

_current: contextvars.ContextVar["Principal | None"] = contextvars.ContextVar("principal", default=None)


@dataclass(frozen=True)
class Principal:
    sub: str
    kind: str                 # "beekeeper" | "gateway"
    apiaries: frozenset[str]
    exp: int


def current_principal() -> Principal:
    p = _current.get()
    if p is None:
        raise RuntimeError("no principal (interceptor missing?)")
    return p


def _load_key() -> str:
    with open(settings.jwt_public_key_file) as f:
        return f.read()


def decode(token: str, key: str) -> Principal:
    claims = jwt.decode(
        token,
        key,
        algorithms=["EdDSA"],
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
        options={"require": ["exp", "sub"]},
        leeway=1,
    )
    return Principal(
        sub=claims["sub"],
        kind=claims.get("kind", "beekeeper"),
        apiaries=frozenset(claims.get("apiaries", [])),
        exp=int(claims["exp"]),
    )


def _deny(code: grpc.StatusCode, details: str):
    async def abort(request_or_iterator, context):
        await context.abort(code, details)

    return abort


class BearerAuthInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self):
        self._key = _load_key()

    async def intercept_service(self, continuation, handler_call_details):
        if handler_call_details.method in settings.public_methods:
            return await continuation(handler_call_details)
        md = dict(handler_call_details.invocation_metadata or ())
        header = md.get("authorization", "")
        if not header.startswith("Bearer "):
            return grpc.unary_unary_rpc_method_handler(_deny(grpc.StatusCode.UNAUTHENTICATED, "missing token"))
        try:
            principal = decode(header[7:], self._key)
        except jwt.PyJWTError as exc:
            return grpc.unary_unary_rpc_method_handler(_deny(grpc.StatusCode.UNAUTHENTICATED, str(exc)))
        _current.set(principal)
        return await continuation(handler_call_details)
