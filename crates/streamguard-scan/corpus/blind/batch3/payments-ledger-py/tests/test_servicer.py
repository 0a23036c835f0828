from unittest import mock

import grpc
import pytest

from ledger_svc.clients.fx import FxClient
from ledger_svc.gen import ledger_pb2
from ledger_svc.servicer import LedgerServicer


class FakeContext:
    def __init__(self, claims, peer="ipv4:10.1.2.3:40000"):
        self._claims = claims
        self._peer = peer
        self.callbacks = []

    def peer(self):
        return self._peer

    def abort(self, code, details):
        raise grpc.RpcError(code, details)

    def add_callback(self, cb):
        self.callbacks.append(cb)
        return True

    def is_active(self):
        return True

    def time_remaining(self):
        return 5.0


@pytest.fixture
def servicer(fx_server):
    ledger = mock.Mock()
    feed = mock.Mock()
    return LedgerServicer(ledger, feed, FxClient(fx_server))


def test_submit_rejects_foreign_first_account(servicer):
    ctx = FakeContext({"sub": "u1", "accounts": ["acc-1"]})
    with mock.patch("ledger_svc.auth.claims", return_value=ctx._claims):
        with pytest.raises(grpc.RpcError):
            servicer.SubmitPayments(iter([ledger_pb2.PaymentInstruction(from_account="acc-2")]), ctx)


def test_endless_fixture_streams(endless_ledger):
    from ledger_svc.gen import ledger_pb2_grpc

    with grpc.insecure_channel(endless_ledger) as ch:
        stub = ledger_pb2_grpc.LedgerStub(ch)
        it = stub.StreamTransactions(ledger_pb2.StreamTransactionsRequest(account_id="a"))
        first = [next(it) for _ in range(3)]
        it.cancel()
    assert [t.txn_id for t in first] == ["t1", "t2", "t3"]
