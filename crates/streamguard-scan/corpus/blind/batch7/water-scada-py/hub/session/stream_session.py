"""Per-stream session: token checked at open, then the stream is raced against token expiry,
a pushed revocation and a maximum lifetime."""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import AsyncIterator, TypeVar

import grpc

from hub.session.revocations import RevocationRegistry
from hub.session.tokens import AuthFailed, verify

T = TypeVar("T")
MAX_STREAM_LIFETIME_S = 30 * 60


class StreamSession:
    def __init__(self, context: grpc.aio.ServicerContext, claims: dict, revoked: asyncio.Event) -> None:
        self.context = context
        self.claims = claims
        self._revoked = revoked
        self._ends_at = min(float(claims["exp"]), time.time() + MAX_STREAM_LIFETIME_S)

    def remaining(self, default: float = 10.0) -> float:
        left = self.context.time_remaining()
        return default if left is None else max(left, 0.001)

    async def guard(self) -> None:
        if self._revoked.is_set():
            await self.context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
        if time.time() >= float(self.claims["exp"]):
            await self.context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")

    async def bounded(self, source: AsyncIterator[T]) -> AsyncIterator[T]:
        revoked = asyncio.ensure_future(self._revoked.wait())
        try:
            while True:
                nxt = asyncio.ensure_future(source.__anext__())
                done, _ = await asyncio.wait({nxt, revoked}, timeout=max(self._ends_at - time.time(), 0),
                                             return_when=asyncio.FIRST_COMPLETED)
                if nxt not in done:
                    nxt.cancel()
                    if revoked in done:
                        await self.context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
                    if time.time() >= float(self.claims["exp"]):
                        await self.context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
                    await self.context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
                try:
                    yield nxt.result()
                except StopAsyncIteration:
                    return
        finally:
            revoked.cancel()


@contextlib.asynccontextmanager
async def open_session(context: grpc.aio.ServicerContext, registry: RevocationRegistry):
    try:
        claims = verify(context.invocation_metadata())
    except AuthFailed as exc:
        await context.abort(exc.code, exc.details)
    ev = registry.watch(claims)
    try:
        yield StreamSession(context, claims, ev)
    finally:
        registry.unwatch(claims, ev)
