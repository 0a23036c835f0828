from __future__ import annotations

import asyncio
import logging
import os

import aiohttp
import grpc

from notify import notifier_pb2_grpc
from notify.bus import Bus
from notify.interceptors import TokenInterceptor
from notify.servicer import NotifierService


async def serve() -> None:
    server = grpc.aio.server(
        interceptors=[TokenInterceptor()],
        options=[("grpc.keepalive_time_ms", 20_000), ("grpc.so_reuseport", 0)],
    )
    async with aiohttp.ClientSession() as http:
        notifier_pb2_grpc.add_NotifierServicer_to_server(NotifierService(Bus(), http), server)
        server.add_insecure_port(os.environ.get("NOTIFY_LISTEN", "[::]:7001"))
        await server.start()
        logging.info("notify listening")
        await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    run()
