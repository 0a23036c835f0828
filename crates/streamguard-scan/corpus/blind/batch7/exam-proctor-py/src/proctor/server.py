"""proctord entry point (sync grpcio, thread pool)."""

from __future__ import annotations

import logging
from concurrent import futures

import grpc

from proctor import settings
from proctor.gen import proctor_pb2_grpc
from proctor.revocation import RevocationSet
from proctor.servicer import ProctorServicer


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    revoked = RevocationSet()
    revoked.follow()
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=settings.MAX_WORKERS, thread_name_prefix="rpc"),
        options=[
            ("grpc.max_connection_age_ms", 4 * 3600 * 1000),
            ("grpc.max_connection_age_grace_ms", 60_000),
            ("grpc.keepalive_time_ms", 30_000),
        ],
        maximum_concurrent_rpcs=settings.MAX_WORKERS - 4,
    )
    proctor_pb2_grpc.add_ProctorServicer_to_server(ProctorServicer(revoked), server)
    server.add_insecure_port(settings.LISTEN)
    server.start()
    logging.info("proctord on %s", settings.LISTEN)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
