"""JWT verification for beacond, as a grpc.aio server interceptor."""
import contextvars
from dataclasses import dataclass, field

import grpc
import jwt

from .config import settings

current_keeper: contextvars.ContextVar["Keeper"] = contextvars.ContextVar("current_keeper")


@dataclass
class Keeper:
    sub: str
    exp: int
    stations: frozenset = field(default_factory=frozenset)
    scopes: frozenset = field(default_factory=frozenset)


def _load_key() -> str:
    with open(settings.jwt_public_key_file) as fh:
        return fh.read()


def verify(token: str, key: str) -> Keeper:
    claims = jwt.decode(
        token,
        key,
        algorithms=["ES256"],
        audience=settings.audience,
        issuer=settings.issuer,
        options={"require": ["exp", "sub"]},
        leeway=1,
    )
    return Keeper(
        sub=claims["sub"],
        exp=int(claims["exp"]),
        stations=frozenset(claims.get("stations", [])),
        scopes=frozenset(str(claims.get("scope", "")).split()),
    )


def _deny(code, details):
    async def abort(request_or_iterator, context):
        await context.abort(code, details)

    return abort


class KeeperAuthInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, key: str | None = None):
        self._key = key or _load_key()

    async def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        header = md.get("authorization", "")
        if not header.startswith("Bearer "):
            return grpc.unary_stream_rpc_method_handler(
                _deny(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
            )
        try:
            keeper = verify(header[7:], self._key)
        except jwt.PyJWTError as exc:
            return grpc.unary_stream_rpc_method_handler(
                _deny(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
            )
        current_keeper.set(keeper)
        return await continuation(handler_call_details)
