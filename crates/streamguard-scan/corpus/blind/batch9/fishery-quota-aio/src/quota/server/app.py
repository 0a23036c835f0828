from __future__ import annotations

import asyncio

import aiohttp
import asyncpg
import grpc

from quota._gen.quota.v1 import quota_pb2_grpc
from quota.server import settings
from quota.server.handlers import QuotaServicer
from quota.server.limiter import VesselLimiter
from quota.server.revocation import RevocationHub


async def serve() -> None:
    hub = RevocationHub()
    await hub.connect(settings.NATS_URL)
    pool = await asyncpg.create_pool(settings.DATABASE_DSN)
    http = aiohttp.ClientSession()
    registry = quota_pb2_grpc.RegistryStub(grpc.aio.secure_channel(settings.REGISTRY_ADDR, grpc.ssl_channel_credentials()))
    server = grpc.aio.server(options=[
        ("grpc.max_connection_age_ms", 1_800_000),
        ("grpc.max_connection_age_grace_ms", 10_000),
    ])
    quota_pb2_grpc.add_QuotaServicer_to_server(
        QuotaServicer(hub, VesselLimiter(settings.RECORDS_PER_MINUTE), registry, pool, http), server)
    server.add_insecure_port(settings.LISTEN)
    await server.start()
    await server.wait_for_termination()


def main() -> None:
    asyncio.run(serve())
