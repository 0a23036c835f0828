"""Token verification and the @require_role decorator for servicer methods."""
from __future__ import annotations

import functools
import inspect
from dataclasses import dataclass

import grpc
import jwt

from courtrec.common import config

_pub: str | None = None


def _key() -> str:
    global _pub
    if _pub is None:
        with open(config.JWT_SECRET_FILE) as fh:
            _pub = fh.read()
    return _pub


@dataclass(frozen=True)
class Caller:
    sub: str
    roles: frozenset[str]
    courthouses: frozenset[str]
    jti: str
    exp: int
    raw: str


def bearer(context: grpc.ServicerContext) -> str | None:
    for k, v in context.invocation_metadata():
        if k == "authorization" and v.startswith("Bearer "):
            return v[7:]
    return None


def verify(raw: str) -> Caller:
    claims = jwt.decode(raw, _key(), algorithms=["ES256"], audience=config.JWT_AUDIENCE, leeway=1,
                        options={"require": ["exp", "sub", "jti"]})
    return Caller(sub=claims["sub"], roles=frozenset(claims.get("roles", [])),
                  courthouses=frozenset(claims.get("courthouses", [])), jti=claims["jti"], exp=int(claims["exp"]), raw=raw)


def authenticate(context: grpc.ServicerContext) -> Caller:
    raw = bearer(context)
    if raw is None:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
    try:
        return verify(raw)
    except jwt.PyJWTError as exc:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")


def require_role(*roles: str):
    """Authenticates the call and passes the Caller as a keyword argument."""

    def wrap(fn):
        if inspect.isgeneratorfunction(fn):
            @functools.wraps(fn)
            def gen(self, request, context):
                caller = authenticate(context)
                if roles and not (caller.roles & set(roles)):
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, f"requires one of {sorted(roles)}")
                yield from fn(self, request, context, caller=caller)
            return gen

        @functools.wraps(fn)
        def unary(self, request, context):
            caller = authenticate(context)
            if roles and not (caller.roles & set(roles)):
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"requires one of {sorted(roles)}")
            return fn(self, request, context, caller=caller)
        return unary

    return wrap
