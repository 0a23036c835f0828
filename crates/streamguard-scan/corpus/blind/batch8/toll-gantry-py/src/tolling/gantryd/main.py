import asyncio
import logging
import os

import grpc
import nats

from ..gen import tolling_pb2_grpc
from .hotlist import Hotlist
from .limits import GantryBudget
from .servicer import GantriesServicer
from .session import hub


async def serve() -> None:
    nc = await nats.connect(os.environ.get("NATS_URL", "nats://localhost:4222"))
    await hub.run(nc)
    accounts = tolling_pb2_grpc.AccountsStub(grpc.aio.insecure_channel(os.environ.get("ACCOUNTS_ADDR", "accounts.internal:50901")))
    server = grpc.aio.server(options=[
        ("grpc.max_connection_age_ms", 60 * 60 * 1000),
        ("grpc.max_connection_age_grace_ms", 20_000),
        ("grpc.keepalive_time_ms", 15_000),
    ])
    tolling_pb2_grpc.add_GantriesServicer_to_server(GantriesServicer(accounts, Hotlist(nc), GantryBudget(per_second=40)), server)
    server.add_insecure_port(os.environ.get("GANTRYD_LISTEN", "[::]:50900"))
    await server.start()
    await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
