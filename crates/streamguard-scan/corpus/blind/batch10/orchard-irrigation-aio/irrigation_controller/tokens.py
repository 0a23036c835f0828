from dataclasses import dataclass

import grpc
import jwt

from . import config


@dataclass(frozen=True)
class Grower:
    sub: str
    jti: str
    exp: float
    blocks: frozenset
    meters: frozenset


def _key() -> str:
    with open(config.JWKS_PEM) as fh:
        return fh.read()


async def grower_from(context: grpc.aio.ServicerContext) -> Grower:
    md = dict(context.invocation_metadata())
    auth = md.get("authorization", "")
    if not auth.startswith("Bearer "):
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing token")
    try:
        p = jwt.decode(auth[7:], _key(), algorithms=["RS256"], issuer=config.ISSUER, audience="irrigation",
                       options={"require": ["exp", "sub", "jti"]})
    except jwt.PyJWTError as exc:
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
    return Grower(sub=p["sub"], jti=p["jti"], exp=float(p["exp"]), blocks=frozenset(p.get("blocks", [])),
                  meters=frozenset(p.get("meters", [])))
