"""Grower tokens (HS256, shared secret with the login service) and revocations.

Revocations are pushed: the login service PUBLISHes `growrooms:revoked` with "jti:<id>"
or "sub:<id>"; a background thread keeps the in-process set current.
"""
import functools
import threading
import time
from dataclasses import dataclass

import grpc
import jwt
import redis

from . import settings


@dataclass(frozen=True)
class Grower:
    sub: str
    jti: str
    exp: int
    rooms: frozenset
    roles: frozenset


class RevocationSet:
    def __init__(self, url: str):
        self._r = redis.Redis.from_url(url)
        self._revoked: set[str] = set(m.decode() for m in self._r.smembers("growrooms:revoked:all"))
        self._lock = threading.Lock()
        t = threading.Thread(target=self._listen, name="revocations", daemon=True)
        t.start()

    def _listen(self):
        ps = self._r.pubsub()
        ps.subscribe("growrooms:revoked")
        for msg in ps.listen():
            if msg["type"] == "message":
                with self._lock:
                    self._revoked.add(msg["data"].decode())

    def is_revoked(self, g: Grower) -> bool:
        with self._lock:
            return f"jti:{g.jti}" in self._revoked or f"sub:{g.sub}" in self._revoked


_secret = None
revocations: RevocationSet | None = None


def _key():
    global _secret
    if _secret is None:
        with open(settings.JWT_SECRET_FILE, "rb") as fh:
            _secret = fh.read().strip()
    return _secret


def decode(token: str, key=None) -> Grower:
    c = jwt.decode(
        token,
        key or _key(),
        algorithms=["HS256"],
        audience=settings.JWT_AUDIENCE,
        issuer=settings.JWT_ISSUER,
        options={"require": ["exp", "sub", "jti"]},
    )
    return Grower(
        sub=c["sub"], jti=c["jti"], exp=int(c["exp"]),
        rooms=frozenset(c.get("rooms", [])), roles=frozenset(c.get("roles", [])),
    )


def still_valid(grower: Grower, context) -> None:
    """Abort the RPC if the token has expired or was revoked since the stream opened."""
    if time.time() >= grower.exp:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
    if revocations is not None and revocations.is_revoked(grower):
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")


def require_role(role: str):
    """Verify the bearer token at open and pass the Grower to the handler."""

    def wrap(fn):
        @functools.wraps(fn)
        def inner(self, request, context):
            md = dict(context.invocation_metadata())
            header = md.get("authorization", "")
            if not header.startswith("Bearer "):
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
            try:
                grower = decode(header[7:])
            except jwt.PyJWTError as exc:
                context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
            if role not in grower.roles:
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"role {role} required")
            still_valid(grower, context)
            return fn(self, request, context, grower)

        return inner

    return wrap
