"""Field-network bridge: the loggers on the spillway push sensor frames here (no auth on the OT VLAN)."""
import asyncio
import logging
import os

import grpc

from damwatch.gen import field_pb2_grpc

from .servicer import FieldSensorsServicer


async def serve() -> None:
    server = grpc.aio.server(options=[("grpc.keepalive_time_ms", 30_000)])
    field_pb2_grpc.add_FieldSensorsServicer_to_server(FieldSensorsServicer(), server)
    server.add_insecure_port(os.environ.get("BRIDGE_LISTEN", "0.0.0.0:50056"))
    await server.start()
    await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    run()
