from __future__ import annotations

import os
import time

import grpc
import jwt
import redis.asyncio as redis

_SECRET = os.environ.get("DIGEST_JWT_SECRET", "")
_revoked_jti: set[str] = set()


async def follow_revocations(url: str) -> None:
    """Keeps the local revocation set current from the Redis channel."""
    client = redis.from_url(url)
    _revoked_jti.update(m.decode() for m in await client.smembers("revoked_jti"))
    pubsub = client.pubsub()
    await pubsub.subscribe("revocations")
    async for msg in pubsub.listen():
        if msg["type"] == "message":
            _revoked_jti.add(msg["data"].decode())


class TokenError(Exception):
    def __init__(self, code: grpc.StatusCode, details: str):
        super().__init__(details)
        self.code = code
        self.details = details


def bearer(metadata) -> str:
    for k, v in metadata:
        if k == "authorization" and v.startswith("Bearer "):
            return v[7:]
    raise TokenError(grpc.StatusCode.UNAUTHENTICATED, "missing token")


def verify(token: str) -> dict:
    try:
        return jwt.decode(token, _SECRET, algorithms=["HS256"], audience="digest", options={"require": ["exp", "jti"]})
    except jwt.ExpiredSignatureError:
        raise TokenError(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
    except jwt.PyJWTError:
        raise TokenError(grpc.StatusCode.UNAUTHENTICATED, "invalid token")


def still_valid(claims: dict) -> TokenError | None:
    if claims["exp"] < time.time():
        return TokenError(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
    if claims["jti"] in _revoked_jti:
        return TokenError(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
    return None
