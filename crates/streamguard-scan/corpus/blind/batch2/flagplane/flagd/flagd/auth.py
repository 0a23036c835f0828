import asyncio
import contextvars
import logging
from dataclasses import dataclass, field

import grpc
import jwt

log = logging.getLogger(__name__)

claims_var: contextvars.ContextVar["Claims"] = contextvars.ContextVar("flagd_claims")


@dataclass
class Claims:
    sub: str
    jti: str
    exp: float
    projects: frozenset[str] = field(default_factory=frozenset)


class BearerAuthInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, public_key_pem: str):
        self._key = public_key_pem

    async def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        header = md.get("authorization", "")
        if not header.startswith("Bearer "):
            return _deny(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
        try:
            raw = jwt.decode(
                header[7:],
                self._key,
                algorithms=["EdDSA"],
                audience="flagd",
                options={"require": ["exp", "sub", "jti"]},
                leeway=1,
            )
        except jwt.PyJWTError as exc:
            return _deny(grpc.StatusCode.UNAUTHENTICATED, str(exc))
        claims_var.set(Claims(raw["sub"], raw["jti"], float(raw["exp"]), frozenset(raw.get("projects", []))))
        return await continuation(handler_call_details)


def _deny(code, details):
    async def abort_stream(request, context):
        await context.abort(code, details)

    return grpc.unary_stream_rpc_method_handler(abort_stream)


class RevocationHub:
    """Listens on the revocation channel and wakes every session holding a revoked jti or sub."""

    def __init__(self, redis):
        self._redis = redis
        self._events: dict[str, set[asyncio.Event]] = {}
        self._task: asyncio.Task | None = None

    async def start(self):
        self._task = asyncio.create_task(self._listen(), name="revocations")

    async def stop(self):
        if self._task:
            self._task.cancel()

    def watch(self, claims: Claims) -> asyncio.Event:
        ev = asyncio.Event()
        for key in (f"jti:{claims.jti}", f"sub:{claims.sub}"):
            self._events.setdefault(key, set()).add(ev)
        return ev

    def unwatch(self, claims: Claims, ev: asyncio.Event) -> None:
        for key in (f"jti:{claims.jti}", f"sub:{claims.sub}"):
            self._events.get(key, set()).discard(ev)

    async def _listen(self):
        pubsub = self._redis.pubsub()
        await pubsub.subscribe("flagd:revocations")
        async for msg in pubsub.listen():
            if msg.get("type") != "message":
                continue
            key = msg["data"].decode()
            for ev in list(self._events.get(key, ())):
                ev.set()
