import asyncio
from unittest import mock

import grpc
import pytest

from indexer.gen import search_pb2
from indexer.handlers.ingest import IndexIngestService
from indexer.interceptors import _claims
from indexer.settings import Settings


class AbortError(Exception):
    pass


class Ctx:
    def __init__(self):
        self.code = None

    async def abort(self, code, details):
        self.code = code
        raise AbortError(details)

    def time_remaining(self):
        return None


async def _iter(items):
    for i in items:
        yield i


@pytest.mark.asyncio
async def test_first_document_index_must_be_allowed():
    _claims.set({"sub": "crawler-1", "scope": "index:write", "indices": ["web"]})
    svc = IndexIngestService(mock.AsyncMock(), mock.AsyncMock(), Settings())
    ctx = Ctx()
    with pytest.raises(AbortError):
        async for _ in svc.IngestDocuments(_iter([search_pb2.IngestRequest(index="private", doc_id="1")]), ctx):
            pass
    assert ctx.code == grpc.StatusCode.PERMISSION_DENIED


@pytest.mark.asyncio
async def test_acks_each_document():
    _claims.set({"sub": "crawler-1", "scope": "index:write", "indices": ["web"]})
    es = mock.AsyncMock()
    es.index.return_value = "created"
    emb = mock.AsyncMock()
    emb.embed.return_value = [0.1, 0.2]
    svc = IndexIngestService(es, emb, Settings())
    docs = [search_pb2.IngestRequest(index="web", doc_id=str(i)) for i in range(3)]
    acks = [a async for a in svc.IngestDocuments(_iter(docs), Ctx())]
    assert [a.result for a in acks] == ["created"] * 3
    await asyncio.sleep(0)
