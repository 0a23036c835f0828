"""Per-stream session: who the caller is, and when the stream must end.

Every streaming handler opens a session. The session ends (and the handler
stops at its next await) when the token expires, when the token or user is
revoked (pushed through Redis), or when MAX_STREAM_S has passed.
"""
from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass

import grpc
import jwt

from hk.revocations import RevocationHub

MAX_STREAM_S = float(os.environ.get("HK_MAX_STREAM_S", 8 * 3600))
ISSUER = os.environ.get("HK_ISSUER", "https://id.alderfinch.com/")
_jwks = jwt.PyJWKClient(ISSUER + "jwks")


class SessionEnded(Exception):
    def __init__(self, code: grpc.StatusCode, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class Staff:
    sub: str
    jti: str
    exp: int
    properties: frozenset[str]
    role: str  # attendant | supervisor | front_desk | night_audit


class StreamSession:
    def __init__(self, staff: Staff, hub: RevocationHub):
        self.staff = staff
        self._hub = hub
        self._ended: asyncio.Future = asyncio.get_running_loop().create_future()
        self._opened = time.monotonic()
        self._timers: list[asyncio.TimerHandle] = []

    @classmethod
    async def open(cls, context: grpc.aio.ServicerContext, hub: RevocationHub) -> "StreamSession":
        md = dict(context.invocation_metadata() or ())
        auth = md.get("authorization", "")
        if not auth.startswith("Bearer "):
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
        token = auth[7:]
        try:
            key = _jwks.get_signing_key_from_jwt(token).key
            c = jwt.decode(token, key, algorithms=["ES256"], audience="housekeeping", issuer=ISSUER, leeway=1,
                           options={"require": ["exp", "sub", "jti"]})
        except jwt.PyJWTError as exc:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
        staff = Staff(c["sub"], c["jti"], int(c["exp"]), frozenset(c.get("properties", [])), c.get("role", "attendant"))
        if hub.is_revoked(staff.jti, staff.sub):
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
        session = cls(staff, hub)
        session._arm()
        return session

    def _arm(self) -> None:
        loop = asyncio.get_running_loop()
        self._timers.append(loop.call_later(max(0.0, self.staff.exp - time.time()), self._end, grpc.StatusCode.UNAUTHENTICATED, "token_expired"))
        self._timers.append(loop.call_later(MAX_STREAM_S, self._end, grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime"))
        self._hub.watch(self.staff.jti, self.staff.sub, self)

    def _end(self, code: grpc.StatusCode, reason: str) -> None:
        if not self._ended.done():
            self._ended.set_result((code, reason))

    def revoked(self) -> None:
        self._end(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")

    async def guard(self, awaitable):
        """Await `awaitable`, unless the session ends first."""
        task = asyncio.ensure_future(awaitable)
        done, _ = await asyncio.wait({task, self._ended}, return_when=asyncio.FIRST_COMPLETED)
        if self._ended in done:
            task.cancel()
            code, reason = self._ended.result()
            raise SessionEnded(code, reason)
        return task.result()

    def check(self) -> None:
        if self._ended.done():
            code, reason = self._ended.result()
            raise SessionEnded(code, reason)

    def remaining(self, context: grpc.aio.ServicerContext, cap: float = 10.0) -> float:
        left = context.time_remaining()
        return cap if left is None else max(0.0, min(left, cap))

    def close(self) -> None:
        for t in self._timers:
            t.cancel()
        self._hub.unwatch(self.staff.jti, self.staff.sub, self)
