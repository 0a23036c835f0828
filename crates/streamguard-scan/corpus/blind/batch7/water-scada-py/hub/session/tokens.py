"""JWT verification for the telemetry hub (operators and dashboards)."""

from __future__ import annotations

import os

import grpc
import jwt

ISSUER = os.environ.get("OIDC_ISSUER", "https://idp.water.example/realms/scada")
AUDIENCE = os.environ.get("OIDC_AUDIENCE", "telemetry-hub")
_jwks = jwt.PyJWKClient(f"{ISSUER}/protocol/openid-connect/certs", cache_keys=True, lifespan=600)


class AuthFailed(Exception):
    def __init__(self, code: grpc.StatusCode, details: str):
        super().__init__(details)
        self.code = code
        self.details = details


def verify(metadata) -> dict:
    header = dict(metadata).get("authorization", "")
    if not header.startswith("Bearer "):
        raise AuthFailed(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
    token = header[7:]
    try:
        key = _jwks.get_signing_key_from_jwt(token)
        return jwt.decode(token, key.key, algorithms=["RS256"], audience=AUDIENCE, issuer=ISSUER,
                          leeway=1, options={"require": ["exp", "sub", "jti"]})
    except jwt.PyJWTError as exc:
        raise AuthFailed(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}") from exc
