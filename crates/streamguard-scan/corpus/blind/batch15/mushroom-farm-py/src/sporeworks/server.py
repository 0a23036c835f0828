import logging
from concurrent import futures

import grpc

from . import auth, settings
from .gen import farm_pb2_grpc
from .harvest import pool
from .servicer import GrowRoomsServicer


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    auth.revocations = auth.RevocationSet(settings.REDIS_URL)
    pool.open()
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=32),
        options=[
            ("grpc.max_connection_idle_ms", 300_000),
            ("grpc.keepalive_time_ms", 60_000),
        ],
    )
    farm_pb2_grpc.add_GrowRoomsServicer_to_server(GrowRoomsServicer(), server)
    server.add_insecure_port(settings.LISTEN)
    server.start()
    logging.info("growrooms listening on %s", settings.LISTEN)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
