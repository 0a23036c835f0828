"""Reviewer authentication.

`TokenInterceptor` verifies the SSO JWT once per call before the handler runs
and caches the verified principal by token so that handlers (and the session
helper) can read it with `principal(context)` without verifying again.
"""
import hashlib
import threading
import time
from dataclasses import dataclass

import grpc
import jwt

from .config import settings


@dataclass(frozen=True)
class Principal:
    sub: str
    jti: str
    exp: float
    roles: frozenset
    matters: frozenset


_cache: dict[str, Principal] = {}
_lock = threading.Lock()
with open(settings.jwt_public_key_file, "rb") as fh:
    _PUBLIC_KEY = fh.read()


def _bearer(metadata) -> str | None:
    for key, value in metadata:
        if key == "authorization" and value.startswith("Bearer "):
            return value[len("Bearer "):]
    return None


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def verify(token: str) -> Principal:
    claims = jwt.decode(
        token,
        _PUBLIC_KEY,
        algorithms=["RS256"],
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
        leeway=1,
        options={"require": ["exp", "sub", "jti"]},
    )
    return Principal(
        sub=claims["sub"],
        jti=claims["jti"],
        exp=float(claims["exp"]),
        roles=frozenset(claims.get("roles", [])),
        matters=frozenset(claims.get("matters", [])),
    )


def principal(context: grpc.ServicerContext) -> Principal:
    token = _bearer(context.invocation_metadata())
    if token is None:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
    with _lock:
        p = _cache.get(_key(token))
    if p is None:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "token was not verified for this call")
    return p


def _deny(code, details):
    def handler(_request, context):
        context.abort(code, details)
    return grpc.unary_unary_rpc_method_handler(handler)


class TokenInterceptor(grpc.ServerInterceptor):
    def intercept_service(self, continuation, handler_call_details):
        token = _bearer(handler_call_details.invocation_metadata)
        if token is None:
            return _deny(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
        try:
            p = verify(token)
        except jwt.PyJWTError as exc:
            return _deny(grpc.StatusCode.UNAUTHENTICATED, f"token rejected: {exc}")
        with _lock:
            _cache[_key(token)] = p
            if len(_cache) > 50_000:
                now = time.time()
                for k in [k for k, v in _cache.items() if v.exp < now]:
                    del _cache[k]
        return continuation(handler_call_details)
