"""Grower sessions: JWT at open, plus exp and a pushed revocation set checked while the stream lives."""
import functools
import threading
import time

import grpc
import jwt
import redis

from . import settings

_revoked_jti: set[str] = set()
_revoked_sub: set[str] = set()
_lock = threading.Lock()


def _listen_revocations() -> None:
    r = redis.Redis.from_url(settings.REDIS_URL)
    ps = r.pubsub()
    ps.subscribe("nursery:revoked")
    for msg in ps.listen():
        if msg["type"] != "message":
            continue
        kind, _, value = msg["data"].decode().partition(":")
        with _lock:
            (_revoked_jti if kind == "jti" else _revoked_sub).add(value)


threading.Thread(target=_listen_revocations, name="revocations", daemon=True).start()


class GrowerSession:
    def __init__(self, claims: dict):
        self.sub = claims["sub"]
        self.jti = claims.get("jti", "")
        self.exp = float(claims["exp"])
        self.scopes = set(claims.get("scope", "").split())
        self.benches = set(claims.get("benches", []))

    def still_valid(self) -> bool:
        if time.time() >= self.exp:
            return False
        with _lock:
            return self.jti not in _revoked_jti and self.sub not in _revoked_sub


def require_role(scope: str):
    """Verifies the bearer token at open and passes a GrowerSession to the handler."""

    def wrap(fn):
        @functools.wraps(fn)
        def handler(self, request, context):
            md = dict(context.invocation_metadata())
            header = md.get("authorization", "")
            try:
                claims = jwt.decode(header.removeprefix("Bearer "), settings.JWT_SECRET, algorithms=["HS256"],
                                    audience=settings.JWT_AUDIENCE, leeway=1, options={"require": ["exp", "sub"]})
            except jwt.PyJWTError:
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "invalid_token")
            session = GrowerSession(claims)
            if scope not in session.scopes or not session.still_valid():
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "insufficient_scope")
            return fn(self, request, context, session)

        return handler

    return wrap
