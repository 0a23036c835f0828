from __future__ import annotations

import asyncio
import logging
import time

import grpc

from .audit import AuditLog
from .auth import AuthError, TokenVerifier
from .gen import inventory_pb2, inventory_pb2_grpc
from .policy import Denied, WarehousePolicy
from .stock_bus import StockBus
from .warehouse_client import WarehouseClient, WarehouseError

log = logging.getLogger(__name__)


class InventoryServicer(inventory_pb2_grpc.InventoryServicer):
    def __init__(
        self,
        verifier: TokenVerifier,
        policy: WarehousePolicy,
        bus: StockBus,
        wms: WarehouseClient,
        audit: AuditLog,
        max_watch_seconds: int,
    ) -> None:
        self._verifier = verifier
        self._policy = policy
        self._bus = bus
        self._wms = wms
        self._audit = audit
        self._max_watch = max_watch_seconds

    async def _caller(self, context: grpc.aio.ServicerContext):
        try:
            return self._verifier.verify(context.invocation_metadata() or ())
        except AuthError as exc:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, str(exc))

    async def GetSku(self, request, context):
        return inventory_pb2.Sku(sku=request.sku, title="")

    async def WatchStock(self, request, context):
        caller = await self._caller(context)
        try:
            self._policy.check(caller, request.warehouse_id, "stock:read")
        except Denied as exc:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, str(exc))
        wanted = set(request.skus)
        queue = self._bus.subscribe(request.warehouse_id)
        try:
            async with asyncio.timeout(self._max_watch):
                while True:
                    ev = await queue.get()
                    if wanted and ev["sku"] not in wanted:
                        continue
                    yield inventory_pb2.StockLevel(
                        warehouse_id=request.warehouse_id,
                        sku=ev["sku"],
                        on_hand=ev["on_hand"],
                        reserved=ev["reserved"],
                        at_unix_ms=int(time.time() * 1000),
                    )
        except TimeoutError:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime: reconnect")
        finally:
            self._bus.unsubscribe(request.warehouse_id, queue)

    async def SyncOrders(self, request_iterator, context):
        # Handheld terminals open this once per shift and push every picked line through it.
        caller = await self._caller(context)
        async for line in request_iterator:
            try:
                self._policy.check(caller, line.warehouse_id, "orders:write")
            except Denied as exc:
                yield inventory_pb2.OrderAck(line_id=line.line_id, reserved=False, error=str(exc))
                continue
            try:
                ok = await self._wms.reserve(line.warehouse_id, line.sku, line.quantity, line.line_id)
            except (WarehouseError, asyncio.TimeoutError) as exc:
                yield inventory_pb2.OrderAck(line_id=line.line_id, reserved=False, error=str(exc))
                continue
            asyncio.create_task(
                self._audit.record(caller.sub, "reserve", line_id=line.line_id, sku=line.sku, ok=ok)
            )
            yield inventory_pb2.OrderAck(line_id=line.line_id, reserved=ok)
