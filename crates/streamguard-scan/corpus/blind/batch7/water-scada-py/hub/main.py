"""telemetry-hub entry point."""

from __future__ import annotations

import asyncio
import logging
import os

import asyncpg
import grpc

from hub.gen import scada_pb2_grpc
from hub.servicer import ScadaServicer
from hub.session.revocations import RevocationRegistry


async def serve() -> None:
    registry = RevocationRegistry()
    await registry.follow(os.environ.get("NATS_URL", "nats://127.0.0.1:4222"))
    db = await asyncpg.create_pool(os.environ.get("TIMESCALE_DSN", "postgresql://hub@tsdb/scada"))
    server = grpc.aio.server(options=[("grpc.keepalive_time_ms", 20_000)])
    scada_pb2_grpc.add_ScadaServicer_to_server(ScadaServicer(registry, db), server)
    server.add_secure_port(
        os.environ.get("HUB_LISTEN", "[::]:8600"),
        grpc.ssl_server_credentials([(open("/etc/scada/hub.key", "rb").read(), open("/etc/scada/hub.crt", "rb").read())]),
    )
    await server.start()
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
