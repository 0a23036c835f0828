import asyncio
import logging
from types import SimpleNamespace

import asyncpg
import grpc

from .controller import KilnBridge
from .gen import kiln_pb2_grpc
from .limits import PotterLimits
from .revocations import Revocations
from .servicer import KilnsServicer
from .settings import settings
from .tokens import Verifier


async def serve() -> None:
    revocations = Revocations()
    await revocations.start(settings.nats_url)
    deps = SimpleNamespace(
        verifier=Verifier(),
        revocations=revocations,
        limits=PotterLimits(settings.redis_url, settings.commands_per_minute),
        bridge=KilnBridge(settings.controller_url),
        pg=await asyncpg.create_pool(settings.pg_dsn, max_size=5),
    )
    server = grpc.aio.server(
        options=[
            ("grpc.max_connection_age_ms", 30 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 10_000),
            ("grpc.max_connection_idle_ms", 5 * 60 * 1000),
        ]
    )
    kiln_pb2_grpc.add_KilnsServicer_to_server(KilnsServicer(deps), server)
    server.add_insecure_port(settings.listen)
    await server.start()
    logging.info("kilnworks on %s", settings.listen)
    await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
