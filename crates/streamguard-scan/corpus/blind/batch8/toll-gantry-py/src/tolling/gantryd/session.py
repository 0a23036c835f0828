"""GantrySession: ties a stream to its caller's token.

The handler runs inside `async with GantrySession(context, caller) as s:`. The
session cancels the handler task when the token expires, when a revocation for
its jti/sub arrives on NATS, or when the stream reaches its maximum lifetime,
and turns that cancellation into the matching gRPC status."""
import asyncio
import time

import grpc

MAX_LIFETIME_S = 30 * 60


class _Ended(Exception):
    pass


class RevocationHub:
    def __init__(self) -> None:
        self._watchers: dict[str, set[asyncio.Event]] = {}

    def watch(self, *keys: str) -> asyncio.Event:
        ev = asyncio.Event()
        for k in keys:
            self._watchers.setdefault(k, set()).add(ev)
        return ev

    def unwatch(self, ev: asyncio.Event, *keys: str) -> None:
        for k in keys:
            self._watchers.get(k, set()).discard(ev)

    def revoke(self, key: str) -> None:
        for ev in self._watchers.pop(key, set()):
            ev.set()

    async def run(self, nc) -> None:
        async def on_msg(msg):
            self.revoke(msg.data.decode())
        await nc.subscribe("tolling.revocations", cb=on_msg)


hub = RevocationHub()


class GantrySession:
    def __init__(self, context: grpc.aio.ServicerContext, caller) -> None:
        self.context = context
        self.caller = caller
        self.opened = time.monotonic()
        self._reason: tuple[grpc.StatusCode, str] | None = None
        self._task: asyncio.Task | None = None
        self._guard: asyncio.Task | None = None
        self._revoked = hub.watch(f"jti:{caller.jti}", f"sub:{caller.sub}")

    def remaining(self, default: float = 5.0) -> float:
        r = self.context.time_remaining()
        return default if r is None else max(0.0, r)

    async def _watch(self) -> None:
        to_exp = max(0.0, self.caller.exp - time.time())
        to_life = MAX_LIFETIME_S
        revoked = asyncio.create_task(self._revoked.wait())
        done, _ = await asyncio.wait({revoked}, timeout=min(to_exp, to_life))
        if revoked in done:
            self._reason = (grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
        elif to_exp <= to_life:
            self._reason = (grpc.StatusCode.UNAUTHENTICATED, "token_expired")
        else:
            self._reason = (grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
        revoked.cancel()
        self._task.cancel()

    async def __aenter__(self) -> "GantrySession":
        self._task = asyncio.current_task()
        self._guard = asyncio.create_task(self._watch())
        return self

    async def __aexit__(self, exc_type, exc, tb) -> bool:
        self._guard.cancel()
        hub.unwatch(self._revoked, f"jti:{self.caller.jti}", f"sub:{self.caller.sub}")
        if exc_type is asyncio.CancelledError and self._reason is not None:
            self._task.uncancel()
            await self.context.abort(*self._reason)
        return False
