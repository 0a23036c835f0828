"""Who is calling: verification of adjuster / policyholder tokens."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass

import aiohttp
import grpc
import jwt

ISSUER = os.environ.get("CLAIMS_ISSUER", "https://login.meridian-mutual.com/")
AUDIENCE = os.environ.get("CLAIMS_AUDIENCE", "claims-api")
INTROSPECT_URL = os.environ.get("CLAIMS_INTROSPECT_URL", ISSUER + "oauth2/introspect")

_jwks = jwt.PyJWKClient(ISSUER + ".well-known/jwks.json")


@dataclass(frozen=True)
class Principal:
    sub: str
    kind: str  # "adjuster" | "policyholder"
    token: str
    exp: int
    region: str
    authority_cents: int

    @property
    def expired(self) -> bool:
        return time.time() >= self.exp


def bearer(context: grpc.aio.ServicerContext) -> str | None:
    for key, value in context.invocation_metadata() or ():
        if key == "authorization" and value.startswith("Bearer "):
            return value[7:]
    return None


def decode(token: str) -> Principal:
    key = _jwks.get_signing_key_from_jwt(token).key
    claims = jwt.decode(token, key, algorithms=["RS256"], audience=AUDIENCE, issuer=ISSUER, leeway=1, options={"require": ["exp", "sub"]})
    return Principal(
        sub=claims["sub"],
        kind=claims.get("kind", "policyholder"),
        token=token,
        exp=int(claims["exp"]),
        region=claims.get("region", ""),
        authority_cents=int(claims.get("authority_cents", 0)),
    )


async def principal(context: grpc.aio.ServicerContext) -> Principal:
    token = bearer(context)
    if token is None:
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
    try:
        return decode(token)
    except jwt.PyJWTError as exc:
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")


async def still_active(http: aiohttp.ClientSession, p: Principal) -> bool:
    """RFC 7662 introspection: false once the token is revoked or expired."""
    async with http.post(INTROSPECT_URL, data={"token": p.token}, timeout=aiohttp.ClientTimeout(total=5)) as resp:
        if resp.status != 200:
            return True  # fail open on IdP trouble; the JWT itself is still valid
        body = await resp.json()
        return bool(body.get("active"))


def bearer_from_metadata_ok(value: str | None) -> bool:
    return isinstance(value, str) and value.startswith("Bearer ") and len(value) > 20
