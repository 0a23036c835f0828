"""Operator / scanner tokens (HS256 from the mill's SSO) and the revocation
set, pushed over Redis pub/sub by the SSO when a badge is blocked."""
import functools
import logging
import threading
import time
from dataclasses import dataclass

import grpc
import jwt
import redis

from . import config

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Principal:
    sub: str
    jti: str
    roles: frozenset
    lines: frozenset
    exp: int

    def still_valid(self) -> bool:
        return time.time() < self.exp + 1 and not revocations.is_revoked(self)


class RevocationSet:
    def __init__(self, url: str):
        self._jti: set[str] = set()
        self._sub: set[str] = set()
        self._lock = threading.Lock()
        self._client = redis.Redis.from_url(url)
        threading.Thread(target=self._listen, name="revocations", daemon=True).start()

    def _listen(self):
        pubsub = self._client.pubsub()
        pubsub.subscribe("mill:revoked")
        for msg in pubsub.listen():
            if msg["type"] != "message":
                continue
            kind, _, value = msg["data"].decode().partition(":")
            with self._lock:
                (self._jti if kind == "jti" else self._sub).add(value)

    def is_revoked(self, p: Principal) -> bool:
        with self._lock:
            return p.jti in self._jti or p.sub in self._sub


revocations = RevocationSet(config.REDIS_URL)


def principal_from(context) -> Principal:
    md = dict(context.invocation_metadata())
    header = md.get("authorization", "")
    if not header.startswith("Bearer "):
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing token")
    try:
        claims = jwt.decode(header[7:], config.JWT_SECRET, algorithms=["HS256"], audience=config.JWT_AUDIENCE,
                            options={"require": ["exp", "sub", "jti"]}, leeway=1)
    except jwt.PyJWTError as exc:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
    p = Principal(claims["sub"], claims["jti"], frozenset(claims.get("roles", [])),
                  frozenset(claims.get("lines", [])), int(claims["exp"]))
    if revocations.is_revoked(p):
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
    return p


def require_role(role: str):
    """Authenticates the call when it opens and passes the principal on."""

    def wrap(fn):
        @functools.wraps(fn)
        def inner(self, request, context):
            p = principal_from(context)
            if role not in p.roles:
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"{role} role required")
            return fn(self, request, context, p)

        return inner

    return wrap
