"""Bearer-token checks for proctord handlers (decorator style)."""

from __future__ import annotations

import functools

import grpc
import jwt

from proctor import settings

_secret: bytes | None = None


def _key() -> bytes:
    global _secret
    if _secret is None:
        with open(settings.JWT_SECRET_FILE, "rb") as fh:
            _secret = fh.read().strip()
    return _secret


def authenticate(context) -> dict:
    md = dict(context.invocation_metadata())
    header = md.get("authorization", "")
    if not header.startswith("Bearer "):
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
    try:
        return jwt.decode(
            header[7:],
            _key(),
            algorithms=["HS256"],
            audience=settings.JWT_AUDIENCE,
            leeway=1,
            options={"require": ["exp", "sub", "jti"]},
        )
    except jwt.InvalidTokenError as exc:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")


def require_role(role: str):
    """Authenticates the call and checks the role before the handler runs; the handler
    receives the claims as a keyword argument."""

    def decorate(handler):
        @functools.wraps(handler)
        def wrapper(self, request, context):
            claims = authenticate(context)
            if role not in claims.get("roles", []):
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"role {role} required")
            return handler(self, request, context, claims=claims)

        return wrapper

    return decorate
