import asyncio
import logging

import aiohttp
import asyncpg
import grpc

from . import settings
from .gen import cellar_pb2_grpc, pumps_pb2_grpc
from .servicer import CellarServicer
from .session import start_revocation_feed


async def serve():
    await start_revocation_feed()
    db = await asyncpg.create_pool(settings.PG_DSN)
    pumps = pumps_pb2_grpc.PumpsStub(grpc.aio.insecure_channel(settings.PUMPS_ADDR))
    server = grpc.aio.server(options=[
        ("grpc.max_connection_age_ms", 1_800_000),
        ("grpc.max_connection_age_grace_ms", 10_000),
    ])
    cellar_pb2_grpc.add_CellarServicer_to_server(CellarServicer(db, pumps, aiohttp.ClientSession()), server)
    server.add_insecure_port(settings.LISTEN)
    await server.start()
    await server.wait_for_termination()


def run():
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
