"""QuotaSession: authenticates a stream and keeps it honest while it lives.

`async with open_session(context) as s:` verifies the token, then races the
handler's work against the token's expiry, a pushed revocation and the
maximum stream lifetime."""
from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass

import grpc
import jwt

from quota.server import settings
from quota.server.limiter import VesselLimiter
from quota.server.revocation import RevocationHub

_key: str | None = None


def _issuer_key() -> str:
    global _key
    if _key is None:
        with open(settings.JWT_KEY_FILE) as fh:
            _key = fh.read()
    return _key


@dataclass
class QuotaSession:
    context: grpc.aio.ServicerContext
    sub: str
    jti: str
    exp: float
    quotas: frozenset[str]
    limiter: VesselLimiter

    def remaining(self) -> float:
        left = self.context.time_remaining()
        return settings.DEFAULT_DOWNSTREAM_S if left is None else max(0.0, left)

    def may_debit(self, quota_id: str) -> bool:
        return quota_id in self.quotas

    async def admit(self) -> None:
        if not self.limiter.allow(self.sub):
            await self.context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")


class _Ended(Exception):
    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        super().__init__(details)
        self.code = code
        self.details = details


@contextlib.asynccontextmanager
async def open_session(context: grpc.aio.ServicerContext, hub: RevocationHub, limiter: VesselLimiter):
    md = dict(context.invocation_metadata() or ())
    auth = md.get("authorization", "")
    if not auth.startswith("Bearer "):
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
    try:
        claims = jwt.decode(auth[7:], _issuer_key(), algorithms=["ES256"], audience=settings.JWT_AUDIENCE,
                            issuer=settings.JWT_ISSUER, leeway=1, options={"require": ["exp", "sub", "jti"]})
    except jwt.PyJWTError as exc:
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
    if hub.is_revoked(claims["jti"], claims["sub"]):
        await context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")

    session = QuotaSession(context, claims["sub"], claims["jti"], float(claims["exp"]),
                           frozenset(claims.get("quotas", [])), limiter)
    revoked = hub.watch(session.jti, session.sub)
    current = asyncio.current_task()
    reason: list[_Ended] = []

    async def guard() -> None:
        exp_in = session.exp - time.time() + 0.5
        lifetime = asyncio.create_task(asyncio.sleep(min(exp_in, settings.MAX_STREAM_S)))
        rev = asyncio.create_task(revoked.wait())
        done, pending = await asyncio.wait({lifetime, rev}, return_when=asyncio.FIRST_COMPLETED)
        for p in pending:
            p.cancel()
        if rev in done:
            reason.append(_Ended(grpc.StatusCode.PERMISSION_DENIED, "token_revoked"))
        elif exp_in <= settings.MAX_STREAM_S:
            reason.append(_Ended(grpc.StatusCode.UNAUTHENTICATED, "token_expired"))
        else:
            reason.append(_Ended(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime"))
        current.cancel()

    watcher = asyncio.create_task(guard())
    try:
        yield session
    except asyncio.CancelledError:
        if reason:
            await context.abort(reason[0].code, reason[0].details)
        raise
    finally:
        watcher.cancel()
        hub.unwatch(session.jti, session.sub, revoked)
