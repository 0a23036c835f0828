"""Bearer-token verification for the tool server."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field

import grpc
import jwt

log = logging.getLogger(__name__)

_PUBLIC_KEY = open(os.environ.get("MCP_JWT_PUBLIC_KEY", "/etc/mcp/jwt.pub"), "rb").read()
_AUDIENCE = os.environ.get("MCP_JWT_AUDIENCE", "mcp-toolserver")
_ISSUER = os.environ.get("MCP_JWT_ISSUER", "https://idp.internal/")


@dataclass(frozen=True)
class Principal:
    sub: str
    scopes: frozenset[str] = field(default_factory=frozenset)
    exp: int = 0


def _bearer(metadata) -> str | None:
    for key, value in metadata or ():
        if key == "authorization" and value.startswith("Bearer "):
            return value[len("Bearer "):]
    return None


def _abort_handler(code: grpc.StatusCode, details: str):
    def abort(ignored_request, context):
        context.abort(code, details)

    return grpc.unary_unary_rpc_method_handler(abort)


class AuthInterceptor(grpc.ServerInterceptor):
    """Rejects any call that does not carry a valid bearer token."""

    def __init__(self, skip: tuple[str, ...] = ("/grpc.health.v1.Health/",)):
        self._skip = skip

    def intercept_service(self, continuation, handler_call_details):
        if handler_call_details.method.startswith(self._skip):
            return continuation(handler_call_details)
        token = _bearer(handler_call_details.invocation_metadata)
        if token is None:
            return _abort_handler(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
        try:
            jwt.decode(
                token,
                _PUBLIC_KEY,
                algorithms=["RS256"],
                audience=_AUDIENCE,
                issuer=_ISSUER,
                leeway=1,
                options={"require": ["exp", "sub"]},
            )
        except jwt.PyJWTError as exc:
            log.info("rejected token: %s", exc)
            return _abort_handler(grpc.StatusCode.UNAUTHENTICATED, "invalid token")
        return continuation(handler_call_details)


def principal(context: grpc.ServicerContext) -> Principal:
    """Identity of a call that already passed AuthInterceptor."""
    token = _bearer(context.invocation_metadata())
    claims = jwt.decode(token, options={"verify_signature": False})
    return Principal(
        sub=claims["sub"],
        scopes=frozenset(str(claims.get("scope", "")).split()),
        exp=int(claims["exp"]),
    )
