from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import grpc
from grpc_health.v1 import health, health_pb2_grpc

from .audit import AuditLog
from .auth import TokenVerifier
from .config import Settings
from .gen import inventory_pb2_grpc
from .interceptors import AuthInterceptor
from .policy import WarehousePolicy
from .servicer import InventoryServicer
from .stock_bus import StockBus
from .warehouse_client import WarehouseClient


async def serve(settings: Settings) -> None:
    verifier = TokenVerifier(Path(settings.jwt_public_key_file).read_text(), settings.jwt_audience)
    bus = StockBus(settings.redis_url)
    await bus.start()
    wms = WarehouseClient(settings.warehouse_api)

    server = grpc.aio.server(
        interceptors=[AuthInterceptor(verifier, frozenset({"/grpc.health.v1.Health/Check"}))],
        options=[
            ("grpc.keepalive_time_ms", 20_000),
            ("grpc.max_connection_idle_ms", 600_000),
        ],
    )
    inventory_pb2_grpc.add_InventoryServicer_to_server(
        InventoryServicer(verifier, WarehousePolicy(), bus, wms, AuditLog(settings.audit_url), settings.max_watch_seconds),
        server,
    )
    health_pb2_grpc.add_HealthServicer_to_server(health.aio.HealthServicer(), server)
    server.add_insecure_port(settings.listen)
    await server.start()
    logging.info("inventory-sync listening on %s", settings.listen)
    try:
        await server.wait_for_termination()
    finally:
        await wms.close()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve(Settings.from_env()))


if __name__ == "__main__":
    main()
