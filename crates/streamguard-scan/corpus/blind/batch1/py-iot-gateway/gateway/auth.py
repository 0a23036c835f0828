from __future__ import annotations

import os
import threading
from dataclasses import dataclass

import grpc
import jwt
import redis

_KEY = open(os.environ.get("DEVICE_JWT_KEY", "/etc/iot/device-signing.pub"), "rb").read()
_redis = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


@dataclass(frozen=True)
class Device:
    id: str
    children: frozenset[str]
    exp: float
    jti: str


def require_device(context: grpc.ServicerContext) -> Device:
    md = dict(context.invocation_metadata())
    raw = md.get("authorization", "")
    if not raw.startswith("Bearer "):
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "device token required")
    try:
        claims = jwt.decode(raw[7:], _KEY, algorithms=["ES256"], audience="iot-gateway", leeway=1)
    except jwt.PyJWTError:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "bad device token")
    if claims.get("typ") != "device":
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "not a device token")
    return Device(
        id=claims["sub"],
        children=frozenset(claims.get("children", [])),
        exp=float(claims["exp"]),
        jti=claims["jti"],
    )


class RevocationCache:
    """Set of revoked token ids kept current from a Redis pub/sub channel."""

    def __init__(self) -> None:
        self._revoked: set[str] = set(m.decode() for m in _redis.smembers("iot:revoked"))
        self._lock = threading.Lock()
        t = threading.Thread(target=self._follow, name="revocations", daemon=True)
        t.start()

    def _follow(self) -> None:
        ps = _redis.pubsub()
        ps.subscribe("iot:revocations")
        for msg in ps.listen():
            if msg["type"] == "message":
                with self._lock:
                    self._revoked.add(msg["data"].decode())

    def is_revoked(self, jti: str) -> bool:
        with self._lock:
            return jti in self._revoked
