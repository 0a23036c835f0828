"""fleetd entry point."""
from __future__ import annotations

import asyncio
import logging

import aiohttp
import asyncpg
import grpc
from grpc_health.v1 import health, health_pb2_grpc

from haulage.common.interceptor import AuthInterceptor
from haulage.common.revocations import RevocationSet
from haulage.common.settings import settings
from haulage.fleetd.planner import Archive, PlannerClient
from haulage.fleetd.roads import RoadHandlers
from haulage.fleetd.servicer import FleetService
from haulage.fleetd.truck_link import TruckLinkHandler
from haulage.gen.haulage.v1 import fleet_pb2_grpc


async def serve() -> None:
    pool = await asyncpg.create_pool(settings.database_dsn, max_size=20)
    revocations = RevocationSet(settings.redis_url)
    await revocations.start()
    http = aiohttp.ClientSession()
    server = grpc.aio.server(
        interceptors=[AuthInterceptor()],
        options=[
            ("grpc.keepalive_time_ms", 20_000),
            ("grpc.keepalive_timeout_ms", 10_000),
            ("grpc.http2.max_pings_without_data", 0),
        ],
    )
    fleet_pb2_grpc.add_FleetServicer_to_server(
        FleetService(TruckLinkHandler(PlannerClient(http), Archive(http)), RoadHandlers(pool, revocations)), server)
    health_pb2_grpc.add_HealthServicer_to_server(health.aio.HealthServicer(), server)
    server.add_insecure_port(settings.listen)
    await server.start()
    try:
        await server.wait_for_termination()
    finally:
        await http.close()
        await revocations.stop()
        await pool.close()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
