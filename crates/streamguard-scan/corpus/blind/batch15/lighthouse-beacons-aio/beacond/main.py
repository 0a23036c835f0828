import asyncio
import logging

import grpc

from .auth import KeeperAuthInterceptor
from .config import settings
from .gen import beacon_pb2_grpc
from .lamp_client import LampController
from .servicer import BeaconNetworkServicer


async def serve() -> None:
    server = grpc.aio.server(
        interceptors=[KeeperAuthInterceptor()],
        options=[
            ("grpc.keepalive_time_ms", 30_000),
            ("grpc.keepalive_timeout_ms", 10_000),
            ("grpc.http2.max_pings_without_data", 0),
        ],
    )
    beacon_pb2_grpc.add_BeaconNetworkServicer_to_server(BeaconNetworkServicer(LampController()), server)
    server.add_insecure_port(settings.listen)
    await server.start()
    logging.info("beacond listening on %s", settings.listen)
    await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    run()
