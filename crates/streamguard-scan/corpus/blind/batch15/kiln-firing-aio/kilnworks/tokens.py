import json
from dataclasses import dataclass

import jwt

from .settings import settings


@dataclass(frozen=True)
class Potter:
    sub: str
    jti: str
    exp: float
    kilns: frozenset
    scopes: frozenset


class Verifier:
    def __init__(self, jwks_path: str = settings.jwks_file):
        with open(jwks_path) as fh:
            self._keys = {k["kid"]: jwt.PyJWK(k) for k in json.load(fh)["keys"]}

    def verify(self, token: str) -> Potter:
        kid = jwt.get_unverified_header(token).get("kid")
        key = self._keys.get(kid)
        if key is None:
            raise jwt.InvalidKeyError(f"unknown kid {kid!r}")
        c = jwt.decode(
            token, key.key, algorithms=["EdDSA"], audience=settings.audience,
            issuer=settings.issuer, options={"require": ["exp", "sub", "jti"]}, leeway=1,
        )
        return Potter(
            sub=c["sub"], jti=c["jti"], exp=float(c["exp"]),
            kilns=frozenset(c.get("kilns", [])), scopes=frozenset(str(c.get("scope", "")).split()),
        )
