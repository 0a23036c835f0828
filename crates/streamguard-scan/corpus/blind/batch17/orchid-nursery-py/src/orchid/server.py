import logging
from concurrent import futures

import grpc

from . import settings
from .gen import nursery_pb2_grpc
from .services.nursery import NurseryServicer


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=32),
        options=[
            ("grpc.max_connection_idle_ms", 600_000),
            ("grpc.keepalive_time_ms", 60_000),
        ],
    )
    nursery_pb2_grpc.add_NurseryServicer_to_server(NurseryServicer(), server)
    server.add_insecure_port(settings.LISTEN)
    server.start()
    logging.info("nurseryd on %s", settings.LISTEN)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
