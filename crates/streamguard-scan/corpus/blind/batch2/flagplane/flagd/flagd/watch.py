import asyncio
import logging
import time

import grpc

from flagd import flags_pb2, flags_pb2_grpc
from flagd.auth import claims_var

log = logging.getLogger(__name__)

MAX_STREAM_SECONDS = 15 * 60


class FlagSyncServicer(flags_pb2_grpc.FlagSyncServicer):
    def __init__(self, store, revocations):
        self._store = store
        self._revocations = revocations

    async def GetFlag(self, request, context):
        claims = claims_var.get()
        if request.project not in claims.projects:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "project not in token")
        flag = await self._store.get(request.project, request.key)
        if flag is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "no such flag")
        return flag

    async def WatchFlags(self, request, context):
        claims = claims_var.get()
        if request.project not in claims.projects:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "project not in token")

        loop = asyncio.get_running_loop()
        opened = loop.time()
        expires_at = loop.time() + max(0.0, claims.exp - time.time())
        ends_at = min(expires_at, opened + MAX_STREAM_SECONDS)
        revoked = self._revocations.watch(claims)

        try:
            async with self._store.subscribe(request.project) as changes:
                while True:
                    remaining = ends_at - loop.time()
                    if remaining <= 0:
                        break
                    next_change = asyncio.ensure_future(changes.get())
                    revoked_wait = asyncio.ensure_future(revoked.wait())
                    done, pending = await asyncio.wait(
                        {next_change, revoked_wait}, timeout=remaining, return_when=asyncio.FIRST_COMPLETED
                    )
                    for fut in pending:
                        fut.cancel()
                    if revoked_wait in done:
                        await context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
                    if next_change in done:
                        yield next_change.result()
        finally:
            self._revocations.unwatch(claims, revoked)

        if loop.time() >= expires_at:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
        await context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
