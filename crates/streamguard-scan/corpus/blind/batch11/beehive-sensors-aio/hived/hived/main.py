import asyncio
import logging

import aiohttp
import grpc
from grpc_health.v1 import health, health_pb2_grpc

from .auth import BearerAuthInterceptor
from .gen import hive_pb2_grpc
from .servicer import HivesServicer
from .settings import settings
from .store import HiveStore


async def serve() -> None:
    store = await HiveStore.connect(settings.database_url)
    http = aiohttp.ClientSession()
    server = grpc.aio.server(
        interceptors=[BearerAuthInterceptor()],
        options=[
            ("grpc.keepalive_time_ms", 30_000),
            ("grpc.max_connection_idle_ms", 600_000),
        ],
    )
    hive_pb2_grpc.add_HivesServicer_to_server(HivesServicer(store, http), server)
    health_pb2_grpc.add_HealthServicer_to_server(health.aio.HealthServicer(), server)
    server.add_insecure_port(settings.listen)
    await server.start()
    logging.info("hived listening on %s", settings.listen)
    try:
        await server.wait_for_termination()
    finally:
        await http.close()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
