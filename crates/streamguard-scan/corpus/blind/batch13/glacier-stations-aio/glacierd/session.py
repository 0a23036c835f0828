"""Per-stream session: verifies the caller's token when the stream opens
and ends the stream at token expiry, on a pushed revocation, or when it
reaches its maximum lifetime."""
from __future__ import annotations

import asyncio
import contextlib
import json
import os
import time
from dataclasses import dataclass

import grpc
import jwt
import nats

MAX_LIFETIME_S = float(os.environ.get("GLACIER_MAX_STREAM_S", 20 * 60))
_KEY = os.environ.get("GLACIER_JWT_PUBLIC_KEY", "")
_ISS = "https://auth.polar-institute.example/"
_AUD = "glacierd"


@dataclass
class Claims:
    sub: str
    jti: str
    exp: float
    stations: frozenset[str]
    glaciers: frozenset[str]


class RevocationFeed:
    """NATS subscription on `auth.revoked`; wakes every session whose jti
    or sub matches."""

    def __init__(self) -> None:
        self._waiters: dict[str, set[asyncio.Event]] = {}
        self.revoked: set[str] = set()

    async def start(self, url: str) -> None:
        nc = await nats.connect(url)

        async def on_msg(msg):
            ev = json.loads(msg.data)
            for key in (f"jti:{ev.get('jti')}", f"sub:{ev.get('sub')}"):
                self.revoked.add(key)
                for e in self._waiters.get(key, ()):
                    e.set()

        await nc.subscribe("auth.revoked", cb=on_msg)

    def watch(self, claims: Claims) -> asyncio.Event:
        e = asyncio.Event()
        for key in (f"jti:{claims.jti}", f"sub:{claims.sub}"):
            self._waiters.setdefault(key, set()).add(e)
            if key in self.revoked:
                e.set()
        return e

    def unwatch(self, claims: Claims, e: asyncio.Event) -> None:
        for key in (f"jti:{claims.jti}", f"sub:{claims.sub}"):
            self._waiters.get(key, set()).discard(e)


revocations = RevocationFeed()


def _verify(context: grpc.aio.ServicerContext) -> Claims:
    md = dict(context.invocation_metadata())
    header = md.get("authorization", "")
    if not header.startswith("Bearer "):
        raise PermissionError("missing token")
    c = jwt.decode(header[7:], _KEY, algorithms=["EdDSA"], issuer=_ISS, audience=_AUD, leeway=1,
                   options={"require": ["exp", "sub", "jti"]})
    return Claims(c["sub"], c["jti"], float(c["exp"]), frozenset(c.get("stations", [])),
                  frozenset(c.get("glaciers", [])))


class StationSession:
    def __init__(self, context: grpc.aio.ServicerContext, claims: Claims) -> None:
        self.context = context
        self.claims = claims
        self.opened = time.monotonic()
        self.reason: tuple[grpc.StatusCode, str] | None = None

    def remaining(self, cap: float) -> float:
        left = self.context.time_remaining()
        return cap if left is None else max(min(left, cap), 0.001)


@contextlib.asynccontextmanager
async def open_station_session(context: grpc.aio.ServicerContext):
    try:
        claims = _verify(context)
    except (jwt.PyJWTError, PermissionError) as exc:
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, str(exc))
    session = StationSession(context, claims)
    handler_task = asyncio.current_task()
    revoked = revocations.watch(claims)

    async def watchdog() -> None:
        until_exp = claims.exp - time.time()
        revoked_wait = asyncio.create_task(revoked.wait())
        done, _ = await asyncio.wait({revoked_wait}, timeout=max(min(until_exp, MAX_LIFETIME_S), 0))
        revoked_wait.cancel()
        if done:
            session.reason = (grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
        elif until_exp <= MAX_LIFETIME_S:
            session.reason = (grpc.StatusCode.UNAUTHENTICATED, "token_expired")
        else:
            session.reason = (grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
        handler_task.cancel()

    dog = asyncio.create_task(watchdog())
    try:
        yield session
    except asyncio.CancelledError:
        if session.reason is None:
            raise  # client cancelled
        await context.abort(*session.reason)
    finally:
        dog.cancel()
        revocations.unwatch(claims, revoked)
