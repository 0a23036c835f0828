from __future__ import annotations

import asyncio
import logging
import os

import grpc

from proxy import llm_pb2_grpc
from proxy.service import LlmProxyService, LogBuffer
from proxy.upstream import Upstream


async def serve() -> None:
    logs = LogBuffer()
    logging.getLogger().addHandler(logs)
    server = grpc.aio.server(
        options=[
            ("grpc.max_connection_idle_ms", 120_000),
            ("grpc.max_send_message_length", 32 * 1024 * 1024),
        ]
    )
    upstream = Upstream()
    llm_pb2_grpc.add_LlmProxyServicer_to_server(LlmProxyService(upstream, logs), server)
    server.add_insecure_port(os.environ.get("PROXY_LISTEN", "[::]:9400"))
    await server.start()
    try:
        await server.wait_for_termination()
    finally:
        await upstream.aclose()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
