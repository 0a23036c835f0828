import asyncio
import logging
import os

import grpc

from gridops.pb import grid_pb2_grpc as pb_grpc

from .auth import HeadEndAuth
from .collector import MeterCollector
from .store import ReadingStore


async def serve() -> None:
    server = grpc.aio.server(interceptors=[HeadEndAuth()], options=[("grpc.max_connection_age_ms", 2 * 3600 * 1000)])
    pb_grpc.add_MeterCollectorServicer_to_server(MeterCollector(ReadingStore()), server)
    server.add_insecure_port(os.environ.get("METERS_BIND", "[::]:50101"))
    await server.start()
    await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
