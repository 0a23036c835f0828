from concurrent import futures
from unittest import mock

import grpc
import pytest

from logship_collector.gen import logship_pb2, logship_pb2_grpc
from logship_collector.interceptors import current_claims
from logship_collector.server import CollectorServicer


class FakeSink:
    def __init__(self):
        self.calls = []

    def bulk(self, index, docs):
        self.calls.append((index, len(docs)))
        return len(docs)


class EchoCollector(logship_pb2_grpc.CollectorServicer):
    """A stand-in collector used to exercise agent retry logic."""

    def ShipLogs(self, request_iterator, context):
        n = 0
        for batch in request_iterator:
            n += len(batch.records)
        return logship_pb2.ShipSummary(accepted=n)


@pytest.fixture
def servicer():
    return CollectorServicer(FakeSink())


def _batches(tenant, count):
    for i in range(count):
        yield logship_pb2.LogBatch(
            tenant=tenant,
            stream="app",
            records=[logship_pb2.LogRecord(ts_unix_ns=i, host="h1", service="api", level="info", message=f"m{i}")],
        )


def test_accepts_allowed_tenant(servicer):
    current_claims.value = {"tenants": ["acme"]}
    ctx = mock.Mock()
    summary = servicer.ShipLogs(_batches("acme", 3), ctx)
    assert summary.accepted == 3
    ctx.abort.assert_not_called()


def test_rejects_unknown_tenant(servicer):
    current_claims.value = {"tenants": ["acme"]}
    ctx = mock.Mock()
    ctx.abort.side_effect = grpc.RpcError()
    with pytest.raises(grpc.RpcError):
        servicer.ShipLogs(_batches("globex", 1), ctx)


def test_echo_server_roundtrip():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    logship_pb2_grpc.add_CollectorServicer_to_server(EchoCollector(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            stub = logship_pb2_grpc.CollectorStub(ch)
            assert stub.ShipLogs(_batches("acme", 5)).accepted == 5
    finally:
        server.stop(None)
