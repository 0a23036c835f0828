import asyncio
import logging

import grpc
from grpc_health.v1 import health, health_pb2_grpc

from .auth import PatrolAuthInterceptor
from .config import settings
from .gen import slope_pb2_grpc
from .handlers import SlopeWatchServicer


async def serve() -> None:
    server = grpc.aio.server(
        interceptors=[PatrolAuthInterceptor()],
        options=[
            ("grpc.keepalive_time_ms", 20_000),
            ("grpc.keepalive_timeout_ms", 10_000),
            ("grpc.http2.max_pings_without_data", 0),
        ],
    )
    slope_pb2_grpc.add_SlopeWatchServicer_to_server(SlopeWatchServicer(), server)
    health_pb2_grpc.add_HealthServicer_to_server(health.aio.HealthServicer(), server)
    server.add_insecure_port(settings.listen)
    await server.start()
    logging.info("slopewatch on %s", settings.listen)
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
