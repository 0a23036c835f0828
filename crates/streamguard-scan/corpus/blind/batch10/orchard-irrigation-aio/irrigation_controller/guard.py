"""GrowerGuard: ends the handler at token expiry, on a pushed revocation and after the maximum
stream lifetime. Use as `async with GrowerGuard(context, grower):` around the stream's work."""
import asyncio
import time

import grpc

from . import config, revocation


class GrowerGuard:
    def __init__(self, context: grpc.aio.ServicerContext, grower):
        self.context = context
        self.grower = grower
        self.reason = None
        self._keys = (f"jti:{grower.jti}", f"sub:{grower.sub}")

    async def __aenter__(self):
        self._task = asyncio.current_task()
        self._revoked = revocation.watch(*self._keys)
        self._watchdog = asyncio.create_task(self._watch())
        return self

    async def _watch(self):
        until_exp = self.grower.exp - time.time()
        budget = min(until_exp, config.MAX_STREAM_LIFETIME_S)
        try:
            await asyncio.wait_for(self._revoked.wait(), timeout=max(0.0, budget))
            self.reason = (grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
        except asyncio.TimeoutError:
            if until_exp <= config.MAX_STREAM_LIFETIME_S:
                self.reason = (grpc.StatusCode.UNAUTHENTICATED, "token_expired")
            else:
                self.reason = (grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
        self._task.cancel()

    async def __aexit__(self, exc_type, exc, tb):
        self._watchdog.cancel()
        revocation.unwatch(self._revoked, *self._keys)
        if exc_type is asyncio.CancelledError and self.reason is not None:
            await self.context.abort(*self.reason)
        return False
