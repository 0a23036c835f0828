"""Quota servicer. Every streaming handler runs inside open_session()."""
from __future__ import annotations

import asyncio
import logging

import aiohttp
import asyncpg
import grpc

from quota._gen.quota.v1 import quota_pb2, quota_pb2_grpc
from quota.server import settings
from quota.server.limiter import VesselLimiter
from quota.server.revocation import RevocationHub
from quota.server.session import open_session

log = logging.getLogger(__name__)

MAX_PAGES = 400
OCR_TIMEOUT = aiohttp.ClientTimeout(total=30)


class QuotaServicer(quota_pb2_grpc.QuotaServicer):
    def __init__(self, hub: RevocationHub, limiter: VesselLimiter, registry: quota_pb2_grpc.RegistryStub,
                 pool: asyncpg.Pool, http: aiohttp.ClientSession) -> None:
        self.hub = hub
        self.limiter = limiter
        self.registry = registry
        self.pool = pool
        self.http = http

    async def ReportCatch(self, request_iterator, context):
        async with open_session(context, self.hub, self.limiter) as s:
            async for rec in request_iterator:
                await s.admit()
                if not s.may_debit(rec.quota_id):
                    yield quota_pb2.QuotaStatus(quota_id=rec.quota_id, record_id=rec.record_id,
                                                error="PERMISSION_DENIED: quota not held by this vessel")
                    continue
                try:
                    resp = await self.registry.Debit(
                        quota_pb2.DebitRequest(quota_id=rec.quota_id, kg=rec.kg, record_id=rec.record_id),
                        timeout=s.remaining())
                except grpc.aio.AioRpcError as err:
                    yield quota_pb2.QuotaStatus(quota_id=rec.quota_id, record_id=rec.record_id, error=err.details() or "")
                    continue
                yield quota_pb2.QuotaStatus(quota_id=rec.quota_id, record_id=rec.record_id, remaining_kg=resp.remaining_kg)

    async def WatchQuota(self, request, context):
        async with open_session(context, self.hub, self.limiter) as s:
            wanted = [q for q in request.quota_ids if s.may_debit(q)]
            if not wanted:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "no quotas held")
            queue: asyncio.Queue = asyncio.Queue(maxsize=256)

            def on_change(_conn, _pid, _channel, payload: str) -> None:
                quota_id, remaining = payload.split(":", 1)
                if quota_id in wanted and not queue.full():
                    queue.put_nowait((quota_id, float(remaining)))

            async with self.pool.acquire() as conn:
                await conn.add_listener("quota_changed", on_change)
                try:
                    while True:
                        quota_id, remaining = await queue.get()
                        yield quota_pb2.QuotaStatus(quota_id=quota_id, remaining_kg=remaining)
                finally:
                    await conn.remove_listener("quota_changed", on_change)

    async def _recognise(self, page: quota_pb2.LogbookPage) -> bool:
        form = aiohttp.FormData()
        form.add_field("vessel", page.vessel_id)
        form.add_field("page", str(page.page_no))
        form.add_field("image", page.image, content_type="image/jpeg")
        async with self.http.post(settings.OCR_URL, data=form, timeout=OCR_TIMEOUT) as resp:
            return resp.status == 200

    async def SyncLogbook(self, request_iterator, context):
        async with open_session(context, self.hub, self.limiter) as s:
            tasks: set[asyncio.Task] = set()
            pages = 0
            try:
                async for page in request_iterator:
                    pages += 1
                    if pages > MAX_PAGES:
                        await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "too many pages")
                    if page.vessel_id != s.sub:
                        await context.abort(grpc.StatusCode.PERMISSION_DENIED, "logbook of another vessel")
                    tasks.add(asyncio.create_task(self._recognise(page)))
                results = await asyncio.gather(*tasks, return_exceptions=True)
            finally:
                for t in tasks:
                    t.cancel()
            recognised = sum(1 for r in results if r is True)
            return quota_pb2.SyncResult(pages=pages, recognised=recognised)

    async def GetBalance(self, request, context):
        row = await self.pool.fetchrow("SELECT remaining_kg FROM quotas WHERE quota_id = $1", request.quota_id, timeout=5)
        if row is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "unknown quota")
        return quota_pb2.QuotaStatus(quota_id=request.quota_id, remaining_kg=row["remaining_kg"])
