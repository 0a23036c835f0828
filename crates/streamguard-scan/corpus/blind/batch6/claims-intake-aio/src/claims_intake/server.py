"""claims-intake entry point."""
from __future__ import annotations

import asyncio
import logging
import os

import aiohttp
import grpc
import redis.asyncio as redis

from claims_intake.acl import ClaimAcl
from claims_intake.events import ClaimEvents
from claims_intake.gen import intake_pb2_grpc
from claims_intake.interceptors import AccessLog, RequireBearer
from claims_intake.payments import Disbursements
from claims_intake.servicer import ClaimsIntakeService


async def serve() -> None:
    http = aiohttp.ClientSession()
    r = redis.from_url(os.environ.get("REDIS_URL", "redis://redis.meridian.internal:6379/3"))
    server = grpc.aio.server(
        interceptors=[AccessLog(), RequireBearer()],
        options=[
            ("grpc.max_receive_message_length", 4 * 1024 * 1024),
            ("grpc.keepalive_time_ms", 20_000),
        ],
    )
    intake_pb2_grpc.add_ClaimsIntakeServicer_to_server(
        ClaimsIntakeService(http, ClaimAcl(r), ClaimEvents(), Disbursements()), server
    )
    server.add_insecure_port(os.environ.get("INTAKE_LISTEN", "[::]:50090"))
    await server.start()
    try:
        await server.wait_for_termination()
    finally:
        await http.close()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    run()
