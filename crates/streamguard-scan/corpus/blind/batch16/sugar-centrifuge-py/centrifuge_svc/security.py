"""Operator authentication: @require_role verifies the JWT when the call opens."""
import functools
import time
from dataclasses import dataclass

import grpc
import jwt

from . import config
from .revocations import revocations


@dataclass(frozen=True)
class Operator:
    sub: str
    jti: str
    exp: int
    stations: frozenset
    roles: frozenset

    def still_valid(self) -> bool:
        return time.time() < self.exp and not revocations.is_revoked(self.jti, self.sub)

    def may_operate(self, machine_id: str) -> bool:
        station = machine_id.split("-")[0]
        return station in self.stations and "pan-operator" in self.roles


def _secret() -> bytes:
    with open(config.JWT_SECRET_FILE, "rb") as fh:
        return fh.read().strip()


def authenticate(context) -> Operator:
    md = dict(context.invocation_metadata())
    raw = md.get("authorization", "")
    if not raw.startswith("Bearer "):
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing token")
    try:
        c = jwt.decode(raw[7:], _secret(), algorithms=["HS256"], issuer=config.ISSUER, audience=config.AUDIENCE,
                       options={"require": ["exp", "jti", "sub"]})
    except jwt.PyJWTError as exc:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
    op = Operator(c["sub"], c["jti"], int(c["exp"]), frozenset(c.get("stations", [])), frozenset(c.get("roles", [])))
    if not op.still_valid():
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
    return op


def require_role(role: str):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(self, request_or_iterator, context):
            op = authenticate(context)
            if role not in op.roles:
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"role {role} required")
            return fn(self, request_or_iterator, context, op)
        return wrapper
    return decorate


def ensure_valid(op: Operator, context) -> None:
    if time.time() >= op.exp:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
    if revocations.is_revoked(op.jti, op.sub):
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
