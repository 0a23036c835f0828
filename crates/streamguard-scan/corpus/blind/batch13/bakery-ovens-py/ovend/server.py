"""ovend entry point (sync grpcio, thread pool)."""
from __future__ import annotations

import logging
import os
from concurrent import futures

import grpc

from ovend.gen import ovens_pb2_grpc
from ovend.service import OvenLineService


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=64),
        options=[
            ("grpc.max_connection_age_ms", 30 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 10_000),
            ("grpc.keepalive_time_ms", 20_000),
        ],
    )
    ovens_pb2_grpc.add_OvenLineServicer_to_server(OvenLineService(os.environ["OVEN_DB_DSN"]), server)
    server.add_insecure_port(os.environ.get("LISTEN", "[::]:50060"))
    server.start()
    logging.info("ovend up")
    server.wait_for_termination()


if __name__ == "__main__":
    main()
