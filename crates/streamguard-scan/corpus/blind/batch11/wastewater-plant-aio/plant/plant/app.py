import asyncio
import logging

import aiohttp
import grpc
import nats

from . import config
from .generated import wwtp_pb2_grpc
from .plc import Plc
from .service import PlantService
from .session import start_revocation_feed


async def serve():
    nc = await nats.connect(config.NATS_URL)
    await start_revocation_feed(nc)
    plc = Plc()
    await plc.connect()
    async with aiohttp.ClientSession() as http:
        server = grpc.aio.server(options=[("grpc.keepalive_time_ms", 20_000)])
        wwtp_pb2_grpc.add_PlantServicer_to_server(PlantService(http, plc), server)
        server.add_insecure_port(config.LISTEN)
        await server.start()
        await server.wait_for_termination()


def main():
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
