import asyncio
import logging
import os

import grpc

from .commands import CommandRouter
from .counters import DeviceRateLimiter
from .device_auth import DeviceAuthenticator
from .firmware import FirmwareStore
from .gen import hub_pb2_grpc
from .influx import InfluxWriter
from .service import DeviceHubService


async def serve() -> None:
    influx = InfluxWriter(
        os.environ.get("INFLUX_URL", "http://influx.edge.svc:8086"),
        os.environ.get("INFLUX_ORG", "edge"),
        os.environ.get("INFLUX_BUCKET", "telemetry"),
        os.environ.get("INFLUX_TOKEN", ""),
    )
    firmware = FirmwareStore(os.environ.get("FIRMWARE_STORE", "http://minio.edge.svc:9000/releases"))
    service = DeviceHubService(
        DeviceAuthenticator(),
        CommandRouter(),
        influx,
        firmware,
        DeviceRateLimiter(int(os.environ.get("EDGEHUB_MSGS_PER_MINUTE", "600"))),
    )
    server = grpc.aio.server(
        options=[
            ("grpc.max_connection_age_ms", 60 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 60 * 1000),
            ("grpc.keepalive_time_ms", 30 * 1000),
            ("grpc.max_receive_message_length", 1 << 20),
        ]
    )
    hub_pb2_grpc.add_DeviceHubServicer_to_server(service, server)
    server.add_secure_port(
        os.environ.get("EDGEHUB_LISTEN", "[::]:8883"),
        grpc.ssl_server_credentials(
            [(open(os.environ["EDGEHUB_TLS_KEY"], "rb").read(), open(os.environ["EDGEHUB_TLS_CERT"], "rb").read())]
        ),
    )
    await server.start()
    try:
        await server.wait_for_termination()
    finally:
        await influx.close()
        await firmware.close()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
