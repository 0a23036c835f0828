"""Bidder authentication, revocation feed and the scale-house API key interceptor."""
import functools
import json
import logging
import threading
import time
from dataclasses import dataclass

import grpc
import jwt
import redis

from . import settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Bidder:
    sub: str
    jti: str
    exp: int
    roles: frozenset
    buyer_no: str


def verify(token: str) -> Bidder:
    p = jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"], issuer=settings.JWT_ISSUER,
                   audience="auction-ring", options={"require": ["exp", "sub", "jti"]})
    return Bidder(sub=p["sub"], jti=p["jti"], exp=int(p["exp"]), roles=frozenset(p.get("roles", [])),
                  buyer_no=p.get("buyer_no", ""))


def _bearer(context) -> str:
    for key, value in context.invocation_metadata():
        if key == "authorization" and value.startswith("Bearer "):
            return value[7:]
    return ""


def require_role(role):
    """Decorator for servicer methods: verifies the bearer token and passes the Bidder on."""

    def wrap(fn):
        @functools.wraps(fn)
        def inner(self, request, context):
            try:
                bidder = verify(_bearer(context))
            except jwt.PyJWTError as exc:
                context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
            if role not in bidder.roles:
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"role {role} required")
            return fn(self, request, context, bidder)

        return inner

    return wrap


class Revocations:
    """Set of revoked jti/sub values, pushed by the accounts service over Redis pub/sub."""

    def __init__(self):
        self._lock = threading.Lock()
        self._jti: set[str] = set()
        self._sub: set[str] = set()

    def start(self):
        threading.Thread(target=self._follow, name="revocations", daemon=True).start()

    def _follow(self):
        ps = redis.Redis.from_url(settings.REDIS_URL).pubsub()
        ps.subscribe("accounts:revocations")
        for msg in ps.listen():
            if msg["type"] != "message":
                continue
            body = json.loads(msg["data"])
            with self._lock:
                if body.get("jti"):
                    self._jti.add(body["jti"])
                if body.get("sub"):
                    self._sub.add(body["sub"])

    def revoked(self, bidder: Bidder) -> bool:
        with self._lock:
            return bidder.jti in self._jti or bidder.sub in self._sub


revocations = Revocations()


def still_valid(bidder: Bidder, context) -> None:
    """Called before every push of a long stream."""
    if time.time() >= bidder.exp:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
    if revocations.revoked(bidder):
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")


class ScaleKeyInterceptor(grpc.ServerInterceptor):
    """Only the scale-house upload uses API keys; everything else is left to the decorators."""

    METHOD = "/livestock.auction.v1.Ring/UploadWeighTickets"

    def intercept_service(self, continuation, handler_call_details):
        if handler_call_details.method != self.METHOD:
            return continuation(handler_call_details)
        md = dict(handler_call_details.invocation_metadata)
        if md.get("x-scale-key") not in settings.SCALE_KEYS.values():
            def deny(request_iterator, context):
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "bad scale key")
            return grpc.stream_unary_rpc_method_handler(deny)
        return continuation(handler_call_details)


def scale_yard(context) -> str:
    key = dict(context.invocation_metadata()).get("x-scale-key")
    for yard, k in settings.SCALE_KEYS.items():
        if k == key:
            return yard
    return ""
