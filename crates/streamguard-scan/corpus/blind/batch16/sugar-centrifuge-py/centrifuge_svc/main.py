import logging
from concurrent import futures

import grpc

from . import config
from .gen import centrifuge_pb2_grpc
from .handlers.operator import OperatorHandlers
from .handlers.telemetry import TelemetryHandlers
from .revocations import revocations


class CentrifugeService(TelemetryHandlers, OperatorHandlers, centrifuge_pb2_grpc.CentrifugesServicer):
    """Servicer composed from the handler mixins."""


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    revocations.start()
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=64),
        options=[
            ("grpc.max_connection_age_ms", 30 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 10_000),
        ],
    )
    centrifuge_pb2_grpc.add_CentrifugesServicer_to_server(CentrifugeService(), server)
    server.add_insecure_port(config.LISTEN)
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
