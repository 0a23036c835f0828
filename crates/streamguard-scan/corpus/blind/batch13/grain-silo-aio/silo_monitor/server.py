"""Entry point of the silo monitor (grpc.aio)."""
from __future__ import annotations

import asyncio
import logging
import os

import grpc
from grpc_health.v1 import health, health_pb2_grpc

from silo_monitor.auth import JwtInterceptor
from silo_monitor.gen import silo_pb2_grpc
from silo_monitor.handlers import SiloMonitorService


async def serve() -> None:
    server = grpc.aio.server(
        interceptors=[JwtInterceptor()],
        options=[
            ("grpc.keepalive_time_ms", 30_000),
            ("grpc.keepalive_timeout_ms", 10_000),
            ("grpc.max_concurrent_streams", 500),
        ],
    )
    silo_pb2_grpc.add_SiloMonitorServicer_to_server(SiloMonitorService(site=os.environ.get("SITE", "elevator-7")), server)
    health_pb2_grpc.add_HealthServicer_to_server(health.aio.HealthServicer(), server)
    server.add_insecure_port(os.environ.get("LISTEN", "[::]:50051"))
    await server.start()
    logging.info("silo monitor started")
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
