"""Authentication decorator for drawd handlers (sync grpcio)."""
import functools
import time
from dataclasses import dataclass

import grpc
import jwt

from . import config


@dataclass
class Principal:
    sub: str
    role: str          # "retailer" | "screen" | "auditor"
    retailer_id: str | None
    exp: int


class TokenError(Exception):
    pass


def verify(token: str) -> Principal:
    try:
        c = jwt.decode(token, config.JWT_SECRET, algorithms=["HS256"], audience=config.JWT_AUDIENCE,
                       issuer=config.JWT_ISSUER, options={"require": ["exp", "sub", "role"]}, leeway=1)
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    return Principal(sub=c["sub"], role=c["role"], retailer_id=c.get("retailer_id"), exp=int(c["exp"]))


def bearer(context) -> str:
    for key, value in context.invocation_metadata():
        if key == "authorization" and value.startswith("Bearer "):
            return value[7:]
    return ""


def still_valid(principal: Principal) -> bool:
    return principal.exp > time.time()


def require_role(*roles):
    """Verifies the caller's token and passes the principal as the `principal` keyword."""

    def wrap(fn):
        @functools.wraps(fn)
        def handler(self, request, context):
            try:
                principal = verify(bearer(context))
            except TokenError as exc:
                context.abort(grpc.StatusCode.UNAUTHENTICATED, str(exc))
            if principal.role not in roles:
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "role not allowed")
            return fn(self, request, context, principal=principal)

        return handler

    return wrap
