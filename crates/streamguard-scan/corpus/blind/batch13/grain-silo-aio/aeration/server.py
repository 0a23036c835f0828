"""Entry point of the aeration controller (grpc.aio), on the site LAN."""
from __future__ import annotations

import asyncio
import logging
import os

import grpc

from aeration.fan_control import AerationService
from silo_monitor.auth import JwtInterceptor
from silo_monitor.gen import silo_pb2_grpc


async def serve() -> None:
    server = grpc.aio.server(
        interceptors=[JwtInterceptor()],
        options=[("grpc.max_connection_age_ms", 8 * 3600 * 1000), ("grpc.max_connection_age_grace_ms", 30_000)],
    )
    silo_pb2_grpc.add_AerationServicer_to_server(AerationService(), server)
    server.add_insecure_port(os.environ.get("LISTEN", "[::]:50052"))
    await server.start()
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
