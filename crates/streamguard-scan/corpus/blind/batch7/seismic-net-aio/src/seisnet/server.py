"""seisd entry point."""

from __future__ import annotations

import asyncio
import logging
import signal

import grpc
from grpc_health.v1 import health, health_pb2_grpc

from seisnet.archive import WaveformArchive
from seisnet.auth import JwtInterceptor
from seisnet.config import settings
from seisnet.gen import seismic_pb2_grpc
from seisnet.ingest import PickerForwarder
from seisnet.servicer import SeismicServicer

INGEST_METHOD = "/seismic.v1.Seismic/IngestPackets"


async def serve() -> None:
    archive = WaveformArchive()
    server = grpc.aio.server(
        interceptors=[JwtInterceptor(exempt={INGEST_METHOD, "/grpc.health.v1.Health/Check"})],
        options=[
            ("grpc.keepalive_time_ms", 20_000),
            ("grpc.keepalive_timeout_ms", 10_000),
            ("grpc.http2.max_pings_without_data", 0),
            ("grpc.max_receive_message_length", 8 * 1024 * 1024),
        ],
    )
    seismic_pb2_grpc.add_SeismicServicer_to_server(SeismicServicer(archive, PickerForwarder()), server)
    health_pb2_grpc.add_HealthServicer_to_server(health.aio.HealthServicer(), server)
    server.add_insecure_port(settings.listen)
    await server.start()
    logging.info("seisd listening on %s", settings.listen)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await server.stop(grace=10)
    await archive.close()


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    asyncio.run(serve())


if __name__ == "__main__":
    main()
