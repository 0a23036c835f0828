import asyncio
import logging

import aiohttp
import asyncpg
import grpc
from grpc_health.v1 import health, health_pb2_grpc

from frostwatch.auth import BearerInterceptor
from frostwatch.gen import frost_pb2_grpc
from frostwatch.service import FrostControl
from frostwatch.settings import SETTINGS


async def serve():
    pool = await asyncpg.create_pool(SETTINGS.pg_dsn, min_size=2, max_size=10)
    http = aiohttp.ClientSession()
    server = grpc.aio.server(
        interceptors=[BearerInterceptor()],
        options=[
            ("grpc.keepalive_time_ms", 20_000),
            ("grpc.max_connection_idle_ms", 15 * 60_000),
        ],
    )
    frost_pb2_grpc.add_FrostControlServicer_to_server(FrostControl(pool, http), server)
    health_pb2_grpc.add_HealthServicer_to_server(health.aio.HealthServicer(), server)
    server.add_insecure_port(SETTINGS.listen)
    await server.start()
    logging.info("frostwatch on %s", SETTINGS.listen)
    try:
        await server.wait_for_termination()
    finally:
        await http.close()
        await pool.close()


def main():
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
