"""Bearer-token interceptor for grpc.aio. The verified grower lands in a contextvar."""
import contextvars
from dataclasses import dataclass

import grpc
import jwt

from frostwatch.settings import SETTINGS

_PUBLIC_KEY = None


@dataclass(frozen=True)
class Grower:
    sub: str
    blocks: frozenset
    scopes: frozenset
    exp: int


current_grower: contextvars.ContextVar[Grower] = contextvars.ContextVar("current_grower")


def _key():
    global _PUBLIC_KEY
    if _PUBLIC_KEY is None:
        with open(SETTINGS.jwt_public_key_file, "rb") as fh:
            _PUBLIC_KEY = fh.read()
    return _PUBLIC_KEY


def verify(token: str) -> Grower:
    claims = jwt.decode(
        token,
        _key(),
        algorithms=["ES256"],
        audience=SETTINGS.jwt_audience,
        issuer=SETTINGS.jwt_issuer,
        leeway=1,
        options={"require": ["exp", "sub"]},
    )
    return Grower(
        sub=claims["sub"],
        blocks=frozenset(claims.get("blocks", [])),
        scopes=frozenset(claims.get("scope", "").split()),
        exp=int(claims["exp"]),
    )


def _deny(details):
    async def abort(request_or_iterator, context):
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, details)

    return abort


class BearerInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        auth = md.get("authorization", "")
        if not auth.startswith("Bearer "):
            return grpc.stream_stream_rpc_method_handler(_deny("missing token"))
        try:
            grower = verify(auth[7:])
        except jwt.PyJWTError as exc:
            return grpc.stream_stream_rpc_method_handler(_deny(f"invalid token: {exc}"))
        current_grower.set(grower)
        return await continuation(handler_call_details)
