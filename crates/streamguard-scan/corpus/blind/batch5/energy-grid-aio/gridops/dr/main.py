import asyncio
import logging
import os

import grpc

from gridops.common import revocation_feed
from gridops.pb import grid_pb2_grpc as pb_grpc

from .service import DemandResponse, EventBook


async def serve() -> None:
    server = grpc.aio.server(options=[("grpc.keepalive_time_ms", 30_000)])
    pb_grpc.add_DemandResponseServicer_to_server(DemandResponse(EventBook()), server)
    server.add_insecure_port(os.environ.get("DR_BIND", "[::]:50100"))
    await revocation_feed.follow(os.environ.get("NATS_URL", "nats://127.0.0.1:4222"))
    await server.start()
    await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
