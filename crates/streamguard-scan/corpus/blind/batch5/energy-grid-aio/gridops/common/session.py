"""Per-stream session for aggregator streams.

The JWT is verified when the stream opens; after that the session races the handler against
the token's expiry, a pushed revocation (NATS subject ``grid.revocations``) and a maximum
stream lifetime, and aborts the RPC with a clear status when any of them fires.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import time
from dataclasses import dataclass, field

import grpc
import jwt

_KEYS = jwt.PyJWKClient(os.environ.get("GRID_JWKS", "https://idp.grid.example/jwks"))
MAX_STREAM_SECONDS = float(os.environ.get("GRID_MAX_STREAM_SECONDS", "3600"))


class Revocations:
    def __init__(self) -> None:
        self._waiters: dict[str, set[asyncio.Event]] = {}

    def watch(self, *keys: str) -> asyncio.Event:
        ev = asyncio.Event()
        for k in keys:
            self._waiters.setdefault(k, set()).add(ev)
        return ev

    def unwatch(self, ev: asyncio.Event) -> None:
        for waiters in self._waiters.values():
            waiters.discard(ev)

    def revoke(self, key: str) -> None:
        for ev in self._waiters.get(key, ()):
            ev.set()


REVOCATIONS = Revocations()


@dataclass
class AggregatorSession:
    claims: dict
    context: grpc.aio.ServicerContext
    revoked: asyncio.Event = field(init=False)

    @property
    def portfolio(self) -> str:
        return self.claims["portfolio"]

    @classmethod
    async def open(cls, context: grpc.aio.ServicerContext) -> "AggregatorSession":
        md = dict(context.invocation_metadata())
        token = md.get("authorization", "").removeprefix("Bearer ")
        try:
            key = _KEYS.get_signing_key_from_jwt(token).key
            claims = jwt.decode(token, key, algorithms=["RS256"], audience="dr-server", leeway=1,
                                options={"require": ["exp", "sub", "jti"]})
        except jwt.PyJWTError as exc:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
        session = cls(claims=claims, context=context)
        session.revoked = REVOCATIONS.watch(f"jti:{claims['jti']}", f"sub:{claims['sub']}")
        return session

    @contextlib.asynccontextmanager
    async def guarded(self):
        """Run the body; abort the RPC at exp, on revocation or at the lifetime cap."""
        body = asyncio.current_task()
        reason: list[tuple[grpc.StatusCode, str]] = []

        async def watchdog() -> None:
            until_exp = self.claims["exp"] - time.time()
            expiry = asyncio.ensure_future(asyncio.sleep(max(0.0, until_exp)))
            revoked = asyncio.ensure_future(self.revoked.wait())
            lifetime = asyncio.ensure_future(asyncio.sleep(MAX_STREAM_SECONDS))
            done, pending = await asyncio.wait({expiry, revoked, lifetime}, return_when=asyncio.FIRST_COMPLETED)
            for p in pending:
                p.cancel()
            if revoked in done:
                reason.append((grpc.StatusCode.PERMISSION_DENIED, "token_revoked"))
            elif expiry in done:
                reason.append((grpc.StatusCode.UNAUTHENTICATED, "token_expired"))
            else:
                reason.append((grpc.StatusCode.DEADLINE_EXCEEDED, "max_stream_lifetime"))
            body.cancel()

        dog = asyncio.create_task(watchdog())
        try:
            yield self
        except asyncio.CancelledError:
            if reason:
                await self.context.abort(*reason[0])
            raise
        finally:
            dog.cancel()
            REVOCATIONS.unwatch(self.revoked)
