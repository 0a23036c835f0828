from concurrent import futures

import grpc
import pytest

from ledger_svc.gen import ledger_pb2, ledger_pb2_grpc


class FakeFx(ledger_pb2_grpc.FxRatesServicer):
    def Convert(self, request, context):
        return ledger_pb2.ConvertResponse(amount_minor=request.amount_minor * 2, rate=2.0)


class EndlessLedger(ledger_pb2_grpc.LedgerServicer):
    """Stand-in upstream used by client tests; streams forever."""

    def StreamTransactions(self, request, context):
        n = 0
        while True:
            n += 1
            yield ledger_pb2.Transaction(txn_id=f"t{n}", account_id=request.account_id, amount_minor=n)


@pytest.fixture
def fx_server():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    ledger_pb2_grpc.add_FxRatesServicer_to_server(FakeFx(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}"
    server.stop(None)


@pytest.fixture
def endless_ledger():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    ledger_pb2_grpc.add_LedgerServicer_to_server(EndlessLedger(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}"
    server.stop(None)
