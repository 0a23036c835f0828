import os
from dataclasses import dataclass

import jwt

_KEY = os.environ.get("TOLLING_JWT_PUBLIC_KEY", "")
_AUD = os.environ.get("TOLLING_JWT_AUDIENCE", "tolling")


@dataclass(frozen=True)
class Caller:
    sub: str
    jti: str
    exp: float
    kind: str            # "gantry" | "officer" | "clerk"
    regions: frozenset
    gantry_id: str = ""


def verify(token: str) -> Caller:
    c = jwt.decode(token, _KEY, algorithms=["ES256"], audience=_AUD, leeway=1, options={"require": ["exp", "sub", "jti"]})
    return Caller(
        sub=c["sub"],
        jti=c["jti"],
        exp=float(c["exp"]),
        kind=c.get("kind", "clerk"),
        regions=frozenset(c.get("regions", [])),
        gantry_id=c.get("gantry_id", ""),
    )


def bearer(metadata) -> str | None:
    for k, v in metadata or ():
        if k == "authorization" and v.startswith("Bearer "):
            return v[7:]
    return None
