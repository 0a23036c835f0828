import asyncio
import logging

import grpc

from .auth import Introspector
from .clients.pricing import PricingClient
from .config import config
from .feeds import MarketBoard
from .gen import odds_pb2_grpc
from .server import OddsFeedService


async def serve() -> None:
    server = grpc.aio.server()
    odds_pb2_grpc.add_OddsFeedServicer_to_server(
        OddsFeedService(config, Introspector(config), PricingClient(config.pricing_target), MarketBoard(config.redis_url)),
        server,
    )
    server.add_insecure_port(config.listen)
    await server.start()
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
