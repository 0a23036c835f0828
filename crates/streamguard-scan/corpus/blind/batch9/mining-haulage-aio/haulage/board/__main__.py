"""dispatch-board entry point. Office LAN only (no credentials on the wall screens)."""
from __future__ import annotations

import asyncio

import grpc

from haulage.board.board import BoardService
from haulage.common.settings import settings
from haulage.gen.haulage.v1 import board_pb2_grpc


async def serve() -> None:
    server = grpc.aio.server(options=[("grpc.keepalive_time_ms", 30_000), ("grpc.max_connection_idle_ms", 300_000)])
    board_pb2_grpc.add_DispatchBoardServicer_to_server(BoardService(settings.redis_url), server)
    server.add_insecure_port(settings.board_listen)
    await server.start()
    await server.wait_for_termination()


def main() -> None:
    asyncio.run(serve())


if __name__ == "__main__":
    main()
