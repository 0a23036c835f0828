from __future__ import annotations

import logging
import os
import signal
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2_grpc

from toolserver import mcp_pb2_grpc
from toolserver.auth import AuthInterceptor
from toolserver.servicer import ToolStreamingServicer


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=int(os.environ.get("MCP_WORKERS", "64"))),
        interceptors=[AuthInterceptor()],
        options=[
            ("grpc.max_connection_age_ms", 10 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 30 * 1000),
            ("grpc.max_receive_message_length", 8 * 1024 * 1024),
        ],
    )
    mcp_pb2_grpc.add_McpStreamingServicer_to_server(ToolStreamingServicer(), server)
    health_pb2_grpc.add_HealthServicer_to_server(health.HealthServicer(), server)
    server.add_insecure_port(os.environ.get("MCP_LISTEN", "[::]:50051"))
    server.start()
    signal.signal(signal.SIGTERM, lambda *_: server.stop(grace=20))
    server.wait_for_termination()


if __name__ == "__main__":
    main()
