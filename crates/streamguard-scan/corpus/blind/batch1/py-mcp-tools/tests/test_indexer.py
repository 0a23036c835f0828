from unittest import mock

from indexer import index_pb2
from indexer.server import IndexerService


def test_reindex_counts_documents():
    svc = IndexerService()
    docs = [index_pb2.Document(id=str(i), title="t", body="b") for i in range(5)]
    with mock.patch("indexer.es.put_document") as put:
        summary = svc.Reindex(iter(docs), mock.Mock())
    assert summary.submitted == 5
    assert put.call_count == 5


def test_progress_is_bounded():
    svc = IndexerService()
    with mock.patch("indexer.server.time.sleep"):
        events = list(svc.Progress(index_pb2.ProgressRequest(steps=1000), mock.Mock()))
    assert len(events) == 100
