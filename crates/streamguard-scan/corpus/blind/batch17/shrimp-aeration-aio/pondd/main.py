import asyncio
import logging

import grpc

from .auth import JwtInterceptor
from .config import settings
from .gen import ponds_pb2_grpc
from .handlers.ponds import PondsServicer


async def serve() -> None:
    server = grpc.aio.server(
        interceptors=[JwtInterceptor()],
        options=[
            ("grpc.keepalive_time_ms", 30_000),
            ("grpc.keepalive_timeout_ms", 10_000),
            ("grpc.http2.max_pings_without_data", 0),
        ],
    )
    ponds_pb2_grpc.add_PondsServicer_to_server(PondsServicer(), server)
    server.add_insecure_port(settings.listen)
    await server.start()
    logging.info("pondd listening on %s", settings.listen)
    await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    run()
