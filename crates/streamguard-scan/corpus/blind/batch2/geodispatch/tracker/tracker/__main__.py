import asyncio
import logging
import os

import grpc

from tracker import fleet_pb2_grpc
from tracker.routing_client import RoutingClient
from tracker.service import FleetState, TrackerService


async def serve() -> None:
    server = grpc.aio.server(
        options=[
            ("grpc.keepalive_time_ms", 15_000),
            ("grpc.keepalive_timeout_ms", 5_000),
        ]
    )
    routing = RoutingClient(os.environ.get("ROUTING_ADDR", "routing.geo.svc:9090"))
    fleet_pb2_grpc.add_TrackerServicer_to_server(TrackerService(FleetState(), routing), server)
    server.add_insecure_port(os.environ.get("TRACKER_LISTEN", "[::]:9070"))
    await server.start()
    logging.info("tracker up")
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
