from __future__ import annotations

import asyncio
import time

import grpc

from digest import auth
from notify import notifier_pb2, notifier_pb2_grpc

REVALIDATE_EVERY = 300.0
MIN_PERIOD_S = 60


class DigestService(notifier_pb2_grpc.DigestServiceServicer):
    def __init__(self, store, summarizer) -> None:
        self._store = store
        self._summarizer = summarizer

    async def StreamDigest(self, request, context: grpc.aio.ServicerContext):
        try:
            claims = auth.verify(auth.bearer(context.invocation_metadata()))
        except auth.TokenError as err:
            await context.abort(err.code, err.details)
        if request.user != claims["sub"]:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "not your digest")

        period = max(request.every_s, MIN_PERIOD_S)
        last_check = time.monotonic()
        since_ms = int(time.time() * 1000)
        while True:
            await asyncio.sleep(period)
            if time.monotonic() - last_check >= REVALIDATE_EVERY:
                problem = auth.still_valid(claims)
                if problem:
                    await context.abort(problem.code, problem.details)
                last_check = time.monotonic()

            items = await asyncio.wait_for(
                self._store.items_since(claims["sub"], since_ms),
                timeout=context.time_remaining(),
            )
            if not items:
                continue
            since_ms = max(i.created_ms for i in items)
            summary = await self._summarizer.Summarize(
                self._summarizer.request_for(items),
                timeout=context.time_remaining(),
            )
            yield notifier_pb2.Digest(text=summary.text, items=len(items), at_ms=int(time.time() * 1000))
