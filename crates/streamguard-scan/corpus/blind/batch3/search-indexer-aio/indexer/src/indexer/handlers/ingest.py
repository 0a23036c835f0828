import asyncio
import logging
import time
from typing import AsyncIterator

import grpc

from ..decorators import require_scope
from ..deps.embedder import EmbedderClient
from ..deps.es import SearchBackend
from ..gen import search_pb2, search_pb2_grpc
from ..interceptors import current_claims
from ..limits import TokenBucket
from ..settings import Settings

log = logging.getLogger(__name__)


async def _prepend(first, rest: AsyncIterator):
    yield first
    async for item in rest:
        yield item


class IndexIngestService(search_pb2_grpc.IndexIngestServicer):
    def __init__(self, es: SearchBackend, embedder: EmbedderClient, settings: Settings):
        self._es = es
        self._embedder = embedder
        self._settings = settings

    @require_scope("index:write")
    async def IngestDocuments(self, request_iterator, context: grpc.aio.ServicerContext):
        claims = current_claims()
        bucket = TokenBucket(self._settings.docs_per_second, self._settings.docs_burst)

        first = await anext(aiter(request_iterator), None)
        if first is None:
            return
        if first.index not in claims.get("indices", ()):
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"index {first.index} not allowed")

        async for req in _prepend(first, request_iterator):
            if not bucket.take():
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "ingest rate exceeded")
            try:
                vector = await self._embedder.embed(f"{req.title}\n{req.body}", timeout=context.time_remaining())
                result = await self._es.index(
                    req.index,
                    req.doc_id,
                    {
                        "url": req.url,
                        "title": req.title,
                        "body": req.body,
                        "fields": dict(req.fields),
                        "embedding": vector,
                        "ingested_by": claims["sub"],
                    },
                    timeout=self._settings.es_index_timeout_s,
                )
            except Exception as exc:  # noqa: BLE001
                yield search_pb2.IngestAck(doc_id=req.doc_id, index=req.index, error=str(exc))
                continue
            if req.refresh:
                asyncio.create_task(self._es.refresh(req.index))
            yield search_pb2.IngestAck(doc_id=req.doc_id, index=req.index, result=result)

    @require_scope("index:read")
    async def WatchIndexStats(self, request, context: grpc.aio.ServicerContext):
        index = request.index
        if index not in current_claims().get("indices", ()):
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"index {index} not allowed")
        try:
            async with asyncio.timeout(self._settings.max_stats_stream_s):
                previous = None
                while True:
                    stats = await self._es.stats(index, timeout=context.time_remaining())
                    now = time.time()
                    indexed = stats["indexing"]["index_total"]
                    rate = 0.0
                    if previous is not None:
                        rate = (indexed - previous[0]) / max(now - previous[1], 1e-3)
                    previous = (indexed, now)
                    yield search_pb2.IndexStats(
                        index=index,
                        docs=stats["docs"]["count"],
                        size_bytes=stats["store"]["size_in_bytes"],
                        indexing_rate=rate,
                        at_ms=int(now * 1000),
                    )
                    await asyncio.sleep(self._settings.stats_interval_s)
        except TimeoutError:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
