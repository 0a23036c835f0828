"""Per-stream session: token checked at open, then a watchdog ends the stream at `exp`,
on a pushed revocation, or at the maximum lifetime, whichever comes first."""
import asyncio
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass

import grpc
import jwt

from .settings import settings


@dataclass
class StreamSession:
    potter: object
    opened: float
    deadline: float | None

    def remaining(self, default: float) -> float:
        if self.deadline is None:
            return default
        return max(0.0, self.deadline - time.monotonic())


@asynccontextmanager
async def open_session(context, deps):
    header = dict(context.invocation_metadata()).get("authorization", "")
    if not header.startswith("Bearer "):
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
    try:
        potter = deps.verifier.verify(header[7:])
    except jwt.PyJWTError as exc:
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
    if deps.revocations.is_revoked(potter):
        await context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
    await deps.limits.enter(potter.sub, context)

    left = context.time_remaining()
    sess = StreamSession(potter, time.monotonic(), time.monotonic() + left if left is not None else None)
    revoked = deps.revocations.watch(potter)
    handler_task = asyncio.current_task()
    why: list[tuple] = []

    async def watchdog():
        until_exp = potter.exp - time.time()
        timer = asyncio.create_task(asyncio.sleep(min(until_exp, settings.max_stream_seconds)))
        pushed = asyncio.create_task(revoked.wait())
        done, pending = await asyncio.wait({timer, pushed}, return_when=asyncio.FIRST_COMPLETED)
        for p in pending:
            p.cancel()
        if pushed in done:
            why.append((grpc.StatusCode.PERMISSION_DENIED, "token_revoked"))
        elif until_exp <= settings.max_stream_seconds:
            why.append((grpc.StatusCode.UNAUTHENTICATED, "token_expired"))
        else:
            why.append((grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime"))
        handler_task.cancel()

    dog = asyncio.create_task(watchdog())
    try:
        yield sess
    except asyncio.CancelledError:
        if why:
            await context.abort(*why[0])
        raise
    finally:
        dog.cancel()
        deps.revocations.unwatch(potter, revoked)
        await deps.limits.leave(potter.sub)
