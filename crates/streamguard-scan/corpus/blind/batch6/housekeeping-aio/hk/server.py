from __future__ import annotations

import asyncio
import logging
import os

import grpc
import redis.asyncio as redis

from hk.board import Board
from hk.gen import housekeeping_pb2_grpc
from hk.limiter import StaffLimiter
from hk.pms import Pms
from hk.revocations import RevocationHub
from hk.service import HousekeepingService


async def serve() -> None:
    redis_url = os.environ.get("REDIS_URL", "redis://redis.alderfinch.internal:6379/1")
    hub = RevocationHub(redis_url)
    await hub.start()
    server = grpc.aio.server(
        options=[
            ("grpc.max_connection_age_ms", 12 * 3600_000),
            ("grpc.max_connection_age_grace_ms", 60_000),
            ("grpc.keepalive_time_ms", 30_000),
        ]
    )
    housekeeping_pb2_grpc.add_HousekeepingServicer_to_server(
        HousekeepingService(hub, Board(), Pms(), StaffLimiter(redis.from_url(redis_url))), server
    )
    server.add_insecure_port(os.environ.get("HK_LISTEN", "[::]:50110"))
    await server.start()
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
