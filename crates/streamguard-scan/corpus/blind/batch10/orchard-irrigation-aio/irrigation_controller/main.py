import asyncio
import logging

import grpc

from . import config, revocation
from .gen import irrigation_pb2_grpc
from .service import IrrigationService


async def serve():
    server = grpc.aio.server(options=[
        ("grpc.max_connection_age_ms", 30 * 60 * 1000),
        ("grpc.max_connection_age_grace_ms", 10_000),
    ])
    irrigation_pb2_grpc.add_IrrigationServicer_to_server(IrrigationService(), server)
    server.add_insecure_port(config.LISTEN)
    feed = asyncio.create_task(revocation.follow())
    await server.start()
    try:
        await server.wait_for_termination()
    finally:
        feed.cancel()


def run():
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
