import logging
import os
from concurrent import futures

import grpc

from .gen import settle_pb2_grpc
from .ledger_client import LedgerPostingClient
from .service import SettlementService


def main():
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8), maximum_concurrent_rpcs=64)
    settle_pb2_grpc.add_SettlementServicer_to_server(
        SettlementService(LedgerPostingClient(os.environ.get("LEDGER_POSTING_TARGET", "ledger.bookie.internal:6300"))),
        server,
    )
    server.add_insecure_port(os.environ.get("SETTLEMENT_LISTEN", "127.0.0.1:6400"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
