from __future__ import annotations

import logging
import os
from concurrent import futures

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from gateway import auth, device_pb2_grpc
from gateway.telemetry import CommandQueues, TelemetryService
from third_party.grpc_health.health import HealthServicer


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=200),
        options=[
            ("grpc.keepalive_time_ms", 30_000),
            ("grpc.keepalive_permit_without_calls", 1),
            ("grpc.http2.max_pings_without_data", 0),
        ],
    )
    telemetry = TelemetryService(
        db_path=os.environ.get("READINGS_DB", "/var/lib/iot/readings.db"),
        commands=CommandQueues(),
        revocations=auth.RevocationCache(),
    )
    device_pb2_grpc.add_TelemetryServicer_to_server(telemetry, server)
    health = HealthServicer()
    health.set("iot.v3.Telemetry", health_pb2.HealthCheckResponse.SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(health, server)
    creds = grpc.ssl_server_credentials(
        [(open(os.environ["TLS_KEY"], "rb").read(), open(os.environ["TLS_CERT"], "rb").read())]
    )
    server.add_secure_port(os.environ.get("LISTEN", "[::]:8883"), creds)
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
