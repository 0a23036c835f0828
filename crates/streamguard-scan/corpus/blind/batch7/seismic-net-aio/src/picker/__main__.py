"""picker entry point: internal service, reachable only from seisd and the ops LAN."""

from __future__ import annotations

import asyncio
import logging
import os

import grpc

from picker.service import DetectionHub, PickerServicer
from seisnet.gen import picker_pb2_grpc


async def serve() -> None:
    server = grpc.aio.server(
        options=[
            ("grpc.max_connection_age_ms", 20 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 15_000),
            ("grpc.keepalive_time_ms", 30_000),
        ]
    )
    picker_pb2_grpc.add_PickerServicer_to_server(PickerServicer(DetectionHub()), server)
    server.add_insecure_port(os.environ.get("PICKER_LISTEN", "[::]:50062"))
    await server.start()
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
