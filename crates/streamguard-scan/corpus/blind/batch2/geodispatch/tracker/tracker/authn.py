import functools
import os
import time

import grpc
import jwt

_KEY = os.environ.get("TRACKER_JWT_KEY", "")
_REVOKED: set[str] = set()


def revoke(jti: str) -> None:
    _REVOKED.add(jti)


def is_revoked(claims: dict) -> bool:
    return claims.get("jti") in _REVOKED


def still_valid(claims: dict) -> bool:
    return claims.get("exp", 0) > time.time() and not is_revoked(claims)


def _decode(context) -> dict | None:
    md = {k: v for k, v in context.invocation_metadata()}
    header = md.get("authorization", "")
    if not header.startswith("Bearer "):
        return None
    try:
        claims = jwt.decode(header[7:], _KEY, algorithms=["HS256"], audience="tracker")
    except jwt.PyJWTError:
        return None
    if is_revoked(claims):
        return None
    return claims


def authenticated(fn):
    """Decorator for servicer methods: verifies the bearer token and passes the claims in."""

    if getattr(fn, "__code__", None) and fn.__code__.co_flags & 0x200:  # async generator

        @functools.wraps(fn)
        async def agen_wrapper(self, request, context):
            claims = _decode(context)
            if claims is None:
                await context.abort(grpc.StatusCode.UNAUTHENTICATED, "invalid token")
            async for item in fn(self, request, context, claims):
                yield item

        return agen_wrapper

    @functools.wraps(fn)
    async def wrapper(self, request, context):
        claims = _decode(context)
        if claims is None:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "invalid token")
        return await fn(self, request, context, claims)

    return wrapper
