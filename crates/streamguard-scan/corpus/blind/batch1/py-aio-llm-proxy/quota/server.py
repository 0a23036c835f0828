from __future__ import annotations

import asyncio
import os

import grpc

from proxy import llm_pb2_grpc
from quota.service import QuotaService


async def serve() -> None:
    server = grpc.aio.server()
    llm_pb2_grpc.add_QuotaServicer_to_server(QuotaService(), server)
    server.add_insecure_port(os.environ.get("QUOTA_LISTEN", "[::]:9401"))
    await server.start()
    await server.wait_for_termination()


def main() -> None:
    asyncio.run(serve())


if __name__ == "__main__":
    main()
