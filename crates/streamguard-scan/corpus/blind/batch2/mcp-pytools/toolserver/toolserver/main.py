import logging
import os
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2_grpc

from toolserver import mcp_pb2_grpc
from toolserver.auth import Authenticator, RevocationList
from toolserver.servicer import McpStreamingServicer


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    revocations = RevocationList.from_env()
    authn = Authenticator(
        jwks_path=os.environ.get("MCP_JWKS", "/etc/mcp/jwks.json"),
        audience=os.environ.get("MCP_AUDIENCE", "https://tools.example.net/mcp"),
        revocations=revocations,
    )
    executor_channel = grpc.insecure_channel(os.environ.get("EXECUTOR_ADDR", "executor:7000"))

    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=100),
        options=[
            ("grpc.keepalive_time_ms", 30_000),
            ("grpc.keepalive_timeout_ms", 10_000),
            ("grpc.http2.max_pings_without_data", 0),
        ],
    )
    mcp_pb2_grpc.add_McpStreamingServicer_to_server(
        McpStreamingServicer(authn, revocations, executor_channel, os.environ.get("RESOURCE_ROOT", "/srv/resources")),
        server,
    )
    health_pb2_grpc.add_HealthServicer_to_server(health.HealthServicer(), server)
    server.add_insecure_port(os.environ.get("LISTEN", "[::]:50051"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
