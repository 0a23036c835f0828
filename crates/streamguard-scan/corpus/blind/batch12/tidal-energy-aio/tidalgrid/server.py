import asyncio
import logging

import aiohttp
import grpc

from gen import tidal_pb2_grpc
from tidalgrid import config
from tidalgrid.service import TidalGrid
from tidalgrid.session import start_revocations


async def serve():
    nc = await start_revocations()
    async with aiohttp.ClientSession() as http:
        server = grpc.aio.server(options=[("grpc.keepalive_time_ms", 30_000)])
        tidal_pb2_grpc.add_TidalGridServicer_to_server(TidalGrid(http), server)
        server.add_insecure_port(config.LISTEN)
        await server.start()
        logging.info("tidalgrid on %s", config.LISTEN)
        try:
            await server.wait_for_termination()
        finally:
            await nc.close()


def main():
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
