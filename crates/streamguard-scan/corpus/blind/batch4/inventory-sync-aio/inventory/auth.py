from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import jwt


class AuthError(Exception):
    pass


@dataclass(frozen=True)
class Caller:
    sub: str
    warehouses: frozenset[str]
    scopes: frozenset[str]
    exp: int


class TokenVerifier:
    def __init__(self, public_key_pem: str, audience: str) -> None:
        self._key = public_key_pem
        self._audience = audience

    def verify(self, metadata: Sequence[tuple[str, str | bytes]]) -> Caller:
        token = None
        for key, value in metadata:
            if key == "authorization" and isinstance(value, str) and value.startswith("Bearer "):
                token = value[len("Bearer "):]
        if token is None:
            raise AuthError("missing bearer token in 'authorization' metadata")
        try:
            claims = jwt.decode(
                token,
                self._key,
                algorithms=["RS256"],
                audience=self._audience,
                leeway=1,
                options={"require": ["exp", "sub"]},
            )
        except jwt.PyJWTError as exc:
            raise AuthError(f"invalid token: {exc}") from exc
        return Caller(
            sub=claims["sub"],
            warehouses=frozenset(claims.get("warehouses", [])),
            scopes=frozenset(str(claims.get("scope", "")).split()),
            exp=int(claims["exp"]),
        )
