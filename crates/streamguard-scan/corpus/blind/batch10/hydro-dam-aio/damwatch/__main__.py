import asyncio
import logging

import grpc

from .auth import AuthInterceptor
from .config import settings
from .gen import dam_pb2_grpc
from .servicer import DamTelemetryServicer
from .session import follow_revocations


async def serve() -> None:
    server = grpc.aio.server(
        interceptors=[AuthInterceptor()],
        options=[
            ("grpc.max_connection_idle_ms", 15 * 60 * 1000),
            ("grpc.keepalive_time_ms", 20_000),
            ("grpc.max_concurrent_streams", 256),
        ],
    )
    dam_pb2_grpc.add_DamTelemetryServicer_to_server(DamTelemetryServicer(), server)
    server.add_insecure_port(settings.listen)
    revocations = asyncio.create_task(follow_revocations())
    await server.start()
    logging.info("damwatch listening on %s", settings.listen)
    try:
        await server.wait_for_termination()
    finally:
        revocations.cancel()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    run()
