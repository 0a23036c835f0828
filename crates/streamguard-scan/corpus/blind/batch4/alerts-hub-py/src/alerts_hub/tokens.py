"""JWT verification and a pushed revocation set for alerts-hub."""
from __future__ import annotations

import functools
import logging
import threading
import time

import grpc
import jwt
import redis

log = logging.getLogger(__name__)

LEEWAY_S = 1


class Revocations:
    """Mirror of the 'alerts:revoked' Redis set, kept current by the 'alerts:revocations' channel."""

    def __init__(self, url: str) -> None:
        self._redis = redis.Redis.from_url(url)
        self._jtis: set[str] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            self._jtis = {j.decode() for j in self._redis.smembers("alerts:revoked")}
        pubsub = self._redis.pubsub()
        pubsub.subscribe(**{"alerts:revocations": self._on_message})
        pubsub.run_in_thread(sleep_time=0.5, daemon=True)

    def _on_message(self, message) -> None:
        with self._lock:
            self._jtis.add(message["data"].decode())

    def revoked(self, jti: str) -> bool:
        with self._lock:
            return jti in self._jtis


class Verifier:
    def __init__(self, key: str, audience: str, revocations: Revocations) -> None:
        self._key = key
        self._audience = audience
        self.revocations = revocations

    def claims(self, context: grpc.ServicerContext) -> dict:
        md = dict(context.invocation_metadata())
        header = md.get("authorization", "")
        if not header.startswith("Bearer "):
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "authorization: Bearer <token> required")
        try:
            claims = jwt.decode(header[7:], self._key, algorithms=["EdDSA"], audience=self._audience,
                                leeway=LEEWAY_S, options={"require": ["exp", "sub", "jti"]})
        except jwt.PyJWTError as exc:
            context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
        if self.revocations.revoked(claims["jti"]):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
        return claims

    def ensure_live(self, claims: dict, context: grpc.ServicerContext) -> None:
        if time.time() > claims["exp"] + LEEWAY_S:
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
        if self.revocations.revoked(claims["jti"]):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")


def require_scope(scope: str):
    def wrap(fn):
        @functools.wraps(fn)
        def inner(self, request, context):
            claims = self.verifier.claims(context)
            if scope not in str(claims.get("scope", "")).split():
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"scope {scope} required")
            return fn(self, request, context, claims)
        return inner
    return wrap
