"""glacierd entry point (grpc.aio)."""
from __future__ import annotations

import asyncio
import logging
import os

import grpc

from glacierd.gen import glacier_pb2_grpc
from glacierd.servicer import GlacierNet
from glacierd.session import revocations


async def serve() -> None:
    await revocations.start(os.environ.get("NATS_URL", "nats://127.0.0.1:4222"))
    server = grpc.aio.server(
        options=[
            ("grpc.max_connection_age_ms", 60 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 30_000),
            ("grpc.keepalive_time_ms", 60_000),
        ]
    )
    glacier_pb2_grpc.add_GlacierNetServicer_to_server(GlacierNet(), server)
    server.add_secure_port(os.environ.get("LISTEN", "[::]:7400"), grpc.ssl_server_credentials(
        [(open(os.environ["TLS_KEY"], "rb").read(), open(os.environ["TLS_CERT"], "rb").read())]))
    await server.start()
    logging.info("glacierd listening")
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
