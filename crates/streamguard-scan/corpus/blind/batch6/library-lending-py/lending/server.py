"""Entry point of the circulation server."""
from __future__ import annotations

import logging
import os
from concurrent import futures

import grpc

from lending.auth import RevocationSet, StaffTokenInterceptor
from lending.circulation import CirculationService
from lending.gen import lending_pb2_grpc


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    revocations = RevocationSet(os.environ.get("REDIS_URL", "redis://redis.riverside.internal:6379/0"))

    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=int(os.environ.get("LENDING_WORKERS", "64"))),
        interceptors=[StaffTokenInterceptor()],
        options=[
            ("grpc.keepalive_time_ms", 30_000),
            ("grpc.max_connection_age_ms", 4 * 3600_000),
            ("grpc.max_connection_age_grace_ms", 30_000),
        ],
    )
    lending_pb2_grpc.add_CirculationServicer_to_server(CirculationService(revocations), server)
    addr = os.environ.get("LENDING_LISTEN", "[::]:50070")
    server.add_insecure_port(addr)
    server.start()
    logging.getLogger(__name__).info("circulation listening on %s", addr)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
