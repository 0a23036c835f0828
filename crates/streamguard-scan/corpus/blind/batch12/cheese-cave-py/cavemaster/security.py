"""Coop staff tokens (HS256) and a revocation set pushed over Redis pub/sub."""
import functools
import logging
import threading
import time

import grpc
import jwt
import redis

from cavemaster import config

log = logging.getLogger(__name__)

with open(config.JWT_SECRET_FILE, "rb") as _fh:
    _SECRET = _fh.read().strip()

_revoked_lock = threading.Lock()
_revoked: set[str] = set()


def start_revocation_listener():
    """Keeps the local revocation set current; entries are pushed, not polled."""
    client = redis.Redis.from_url(config.REDIS_URL)
    with _revoked_lock:
        _revoked.update(m.decode() for m in client.smembers("cave:revoked"))
    pubsub = client.pubsub()
    pubsub.subscribe("cave:revoked")

    def run():
        for msg in pubsub.listen():
            if msg["type"] == "message":
                with _revoked_lock:
                    _revoked.add(msg["data"].decode())

    threading.Thread(target=run, name="revocations", daemon=True).start()


def is_revoked(claims) -> bool:
    with _revoked_lock:
        return f"jti:{claims['jti']}" in _revoked or f"sub:{claims['sub']}" in _revoked


def still_valid(claims) -> bool:
    return claims["exp"] > time.time() and not is_revoked(claims)


def _bearer(context):
    for key, value in context.invocation_metadata():
        if key == "authorization" and value.startswith("Bearer "):
            return value[7:]
    return None


def require_role(role):
    """Decorator: validates the token at call start and passes the claims in."""

    def wrap(fn):
        @functools.wraps(fn)
        def inner(self, request, context):
            token = _bearer(context)
            if token is None:
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing token")
            try:
                claims = jwt.decode(token, _SECRET, algorithms=["HS256"], audience=config.JWT_AUDIENCE,
                                    leeway=1, options={"require": ["exp", "sub", "jti"]})
            except jwt.PyJWTError as exc:
                context.abort(grpc.StatusCode.UNAUTHENTICATED, str(exc))
            if is_revoked(claims):
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
            if role not in claims.get("roles", []):
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"role {role} required")
            return fn(self, request, context, claims)

        return inner

    return wrap
