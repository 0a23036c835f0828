"""Bearer-token checks for the oven line (sync grpcio)."""
from __future__ import annotations

import functools
import os
import threading
import time

import grpc
import jwt
import redis

_KEY = os.environ.get("OVEN_JWT_PUBLIC_KEY", "")
_ISS = "https://sso.bakehouse.example/"
_AUD = "ovend"

ROLES_CLAIM = "https://bakehouse.example/roles"


def verify(token: str) -> dict:
    return jwt.decode(token, _KEY, algorithms=["RS256"], issuer=_ISS, audience=_AUD, leeway=1,
                      options={"require": ["exp", "sub", "jti"]})


class Revocations:
    """Revoked jti / sub values, pushed by the SSO over Redis pub/sub and
    kept in memory; seeded from the set at start."""

    def __init__(self, url: str) -> None:
        self._r = redis.Redis.from_url(url)
        self._ids: set[str] = set(m.decode() for m in self._r.smembers("sso:revoked"))
        self._lock = threading.Lock()
        threading.Thread(target=self._listen, name="revocations", daemon=True).start()

    def _listen(self) -> None:
        ps = self._r.pubsub()
        ps.subscribe("sso:revoked")
        for msg in ps.listen():
            if msg["type"] == "message":
                with self._lock:
                    self._ids.add(msg["data"].decode())

    def revoked(self, claims: dict) -> bool:
        with self._lock:
            return f"jti:{claims['jti']}" in self._ids or f"sub:{claims['sub']}" in self._ids


revocations = Revocations(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))


def still_valid(claims: dict, context: grpc.ServicerContext) -> None:
    """Ends the call if the token expired or was revoked since it opened."""
    if time.time() >= claims["exp"]:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
    if revocations.revoked(claims):
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")


def require_role(role: str):
    """Decorator for servicer methods: verifies the bearer token at open and
    passes the claims as the last argument."""

    def wrap(fn):
        @functools.wraps(fn)
        def inner(self, request_or_iterator, context):
            md = dict(context.invocation_metadata())
            header = md.get("authorization", "")
            if not header.startswith("Bearer "):
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing token")
            try:
                claims = verify(header[7:])
            except jwt.PyJWTError as exc:
                context.abort(grpc.StatusCode.UNAUTHENTICATED, str(exc))
            if role not in claims.get(ROLES_CLAIM, []):
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"role {role} required")
            if revocations.revoked(claims):
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
            return fn(self, request_or_iterator, context, claims)

        return inner

    return wrap
