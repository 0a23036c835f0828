"""Staff authentication for the circulation services.

Desk clients send the staff member's SSO access token as
``authorization: Bearer <jwt>``. The interceptor refuses calls without a
verifiable token; handlers read the claims with :func:`claims_from`.
"""
from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass, field

import grpc
import jwt
import redis

log = logging.getLogger(__name__)

ISSUER = os.environ.get("LENDING_ISSUER", "https://sso.riverside-libraries.org/")
AUDIENCE = os.environ.get("LENDING_AUDIENCE", "circulation")
_jwks = jwt.PyJWKClient(os.environ.get("LENDING_JWKS", ISSUER + ".well-known/jwks.json"), cache_keys=True)


@dataclass(frozen=True)
class StaffClaims:
    sub: str
    jti: str
    exp: int
    branches: frozenset[str] = field(default_factory=frozenset)
    roles: frozenset[str] = field(default_factory=frozenset)


def _bearer(metadata) -> str | None:
    for key, value in metadata:
        if key == "authorization" and value.startswith("Bearer "):
            return value[len("Bearer "):]
    return None


def verify(token: str) -> StaffClaims:
    key = _jwks.get_signing_key_from_jwt(token)
    payload = jwt.decode(
        token,
        key.key,
        algorithms=["RS256"],
        audience=AUDIENCE,
        issuer=ISSUER,
        options={"require": ["exp", "sub", "jti"]},
        leeway=1,
    )
    return StaffClaims(
        sub=payload["sub"],
        jti=payload["jti"],
        exp=int(payload["exp"]),
        branches=frozenset(payload.get("branches", [])),
        roles=frozenset(payload.get("roles", [])),
    )


def claims_from(context: grpc.ServicerContext) -> StaffClaims:
    token = _bearer(context.invocation_metadata())
    if token is None:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
    try:
        return verify(token)
    except jwt.PyJWTError as exc:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")


class StaffTokenInterceptor(grpc.ServerInterceptor):
    """Rejects calls without a valid staff token before any handler runs."""

    def __init__(self, public_methods: frozenset[str] = frozenset()):
        self._public = public_methods

        def deny(_request, context):
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "staff token required")

        self._deny = grpc.unary_unary_rpc_method_handler(deny)

    def intercept_service(self, continuation, handler_call_details):
        if handler_call_details.method in self._public:
            return continuation(handler_call_details)
        token = _bearer(handler_call_details.invocation_metadata)
        if token is None:
            return self._deny
        try:
            verify(token)
        except jwt.PyJWTError:
            return self._deny
        return continuation(handler_call_details)


class RevocationSet:
    """Revoked token ids and subjects, pushed by the SSO over Redis pub/sub.

    A background thread applies each message as it arrives; readers only take
    a snapshot under the lock.
    """

    def __init__(self, url: str, channel: str = "sso:revocations"):
        self._lock = threading.Lock()
        self._jti: set[str] = set()
        self._sub: set[str] = set()
        self._pubsub = redis.Redis.from_url(url).pubsub(ignore_subscribe_messages=True)
        self._pubsub.subscribe(**{channel: self._on_message})
        self._thread = self._pubsub.run_in_thread(sleep_time=0.2, daemon=True)

    def _on_message(self, message) -> None:
        try:
            event = json.loads(message["data"])
        except (TypeError, ValueError):
            log.warning("ignoring malformed revocation message")
            return
        with self._lock:
            if event.get("jti"):
                self._jti.add(event["jti"])
            if event.get("sub"):
                self._sub.add(event["sub"])

    def revoked(self, claims: StaffClaims) -> bool:
        with self._lock:
            return claims.jti in self._jti or claims.sub in self._sub
