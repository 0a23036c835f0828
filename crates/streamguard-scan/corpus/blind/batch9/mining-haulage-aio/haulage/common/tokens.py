"""Truck and operator JWTs (RS256, issued by the pit identity service)."""
from __future__ import annotations

import contextvars
import time
from dataclasses import dataclass

import jwt

from haulage.common.settings import settings


@dataclass(frozen=True)
class Principal:
    sub: str
    kind: str  # "truck" | "operator"
    jti: str
    exp: float
    truck_id: str | None = None
    pits: tuple[str, ...] = ()


current_principal: contextvars.ContextVar[Principal | None] = contextvars.ContextVar("current_principal", default=None)

_key: str | None = None


def _public_key() -> str:
    global _key
    if _key is None:
        with open(settings.jwt_public_key_path) as fh:
            _key = fh.read()
    return _key


class TokenError(Exception):
    pass


def verify(raw: str) -> Principal:
    try:
        claims = jwt.decode(raw, _public_key(), algorithms=["RS256"], audience=settings.jwt_audience, leeway=1,
                            options={"require": ["exp", "sub", "jti"]})
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    return Principal(
        sub=claims["sub"],
        kind=claims.get("kind", "operator"),
        jti=claims["jti"],
        exp=float(claims["exp"]),
        truck_id=claims.get("truck_id"),
        pits=tuple(claims.get("pits", [])),
    )


def still_valid(p: Principal, revoked: set[str]) -> bool:
    return p.exp > time.time() and p.jti not in revoked and f"sub:{p.sub}" not in revoked
