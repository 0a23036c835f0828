import logging
from concurrent import futures

import grpc
import requests

from . import config
from .handlers.jackpot import JackpotFeed
from .handlers.terminal import Terminal
from .handlers.winners import WinnersExport
from .pb import lottery_pb2_grpc


class DrawsServicer(lottery_pb2_grpc.DrawsServicer):
    """Binds the handler objects to the generated servicer."""

    def __init__(self, jackpot: JackpotFeed, terminal: Terminal, winners: WinnersExport):
        self.WatchJackpot = jackpot.WatchJackpot
        self.RetailerTerminal = terminal.RetailerTerminal
        self.ExportWinners = winners.ExportWinners


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    ledger = lottery_pb2_grpc.PrizeLedgerStub(grpc.insecure_channel(config.LEDGER_ADDR))
    servicer = DrawsServicer(JackpotFeed(requests.Session()), Terminal(ledger), WinnersExport())
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=64),
        options=[
            ("grpc.max_connection_age_ms", config.MAX_CONNECTION_AGE_MS),
            ("grpc.max_connection_age_grace_ms", 10_000),
        ],
    )
    lottery_pb2_grpc.add_DrawsServicer_to_server(servicer, server)
    server.add_insecure_port(config.LISTEN)
    server.start()
    logging.info("drawd on %s", config.LISTEN)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
