from __future__ import annotations

import asyncio
import logging
import os

import grpc

from flightops.gen import flightops_pb2_grpc as pb_grpc

from . import tokens
from .auth import AuthInterceptor
from .servicer import FlightWatch


async def serve() -> None:
    server = grpc.aio.server(
        interceptors=[AuthInterceptor()],
        options=[("grpc.keepalive_time_ms", 20_000), ("grpc.max_connection_idle_ms", 600_000)],
    )
    pb_grpc.add_FlightWatchServicer_to_server(FlightWatch(), server)
    server.add_insecure_port(os.environ.get("FLIGHTWATCH_BIND", "[::]:50071"))
    revocations = tokens.start(asyncio.get_running_loop())
    await server.start()
    logging.info("flightwatch started")
    try:
        await server.wait_for_termination()
    finally:
        revocations.cancel()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
