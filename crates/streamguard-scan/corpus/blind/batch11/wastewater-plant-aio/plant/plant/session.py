"""Per-stream operator session for grpc.aio handlers.

    async with open_session(context, scope="dosing:write") as s:
        ...

Verifies the bearer token, then ends the stream with UNAUTHENTICATED at `exp`, with
PERMISSION_DENIED as soon as the token or the operator is revoked (pushed over NATS), and with
UNAVAILABLE after MAX_STREAM_S.
"""
import asyncio
import contextlib
import time
from dataclasses import dataclass, field

import grpc
import jwt

from . import config

_revocation_waiters: dict[str, set[asyncio.Event]] = {}


async def start_revocation_feed(nc) -> None:
    async def on_msg(msg):
        key = msg.data.decode()          # "jti:<id>" or "sub:<id>"
        for ev in list(_revocation_waiters.get(key, ())):
            ev.set()

    await nc.subscribe("wwtp.revocations", cb=on_msg)


def _public_key() -> str:
    with open(config.JWT_PUBLIC_KEY) as f:
        return f.read()


@dataclass
class Session:
    sub: str
    jti: str
    exp: float
    scopes: frozenset
    pumps: frozenset
    opened: float = field(default_factory=time.monotonic)
    reason: tuple | None = None

    def remaining(self, context) -> float:
        left = self.exp - time.time()
        t = context.time_remaining()
        return max(0.0, min(left, t) if t is not None else left)

    def may_dose(self, pump_id: str) -> bool:
        return "dosing:write" in self.scopes and (pump_id in self.pumps or "*" in self.pumps)


def _bearer(context) -> str:
    for k, v in context.invocation_metadata():
        if k == "authorization" and v.startswith("Bearer "):
            return v[7:]
    return ""


@contextlib.asynccontextmanager
async def open_session(context, *, scope: str):
    try:
        c = jwt.decode(_bearer(context), _public_key(), algorithms=["ES256"], audience=config.JWT_AUDIENCE,
                       options={"require": ["exp", "sub", "jti"]}, leeway=1)
    except jwt.PyJWTError:
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, "invalid token")
    s = Session(sub=c["sub"], jti=c["jti"], exp=float(c["exp"]), scopes=frozenset(c.get("scope", "").split()),
                pumps=frozenset(c.get("pumps", [])))
    if scope not in s.scopes:
        await context.abort(grpc.StatusCode.PERMISSION_DENIED, "insufficient_scope")

    revoked = asyncio.Event()
    keys = (f"jti:{s.jti}", f"sub:{s.sub}")
    for k in keys:
        _revocation_waiters.setdefault(k, set()).add(revoked)
    handler_task = asyncio.current_task()

    async def watch():
        expiry = asyncio.create_task(asyncio.sleep(max(0.0, s.exp - time.time())))
        lifetime = asyncio.create_task(asyncio.sleep(config.MAX_STREAM_S))
        revoke = asyncio.create_task(revoked.wait())
        done, pending = await asyncio.wait({expiry, lifetime, revoke}, return_when=asyncio.FIRST_COMPLETED)
        for p in pending:
            p.cancel()
        if revoke in done:
            s.reason = (grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
        elif expiry in done:
            s.reason = (grpc.StatusCode.UNAUTHENTICATED, "token_expired")
        else:
            s.reason = (grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
        handler_task.cancel()

    watcher = asyncio.create_task(watch())
    try:
        yield s
    except asyncio.CancelledError:
        if s.reason is None:
            raise                         # the client went away
        await context.abort(*s.reason)
    finally:
        watcher.cancel()
        for k in keys:
            _revocation_waiters.get(k, set()).discard(revoked)
