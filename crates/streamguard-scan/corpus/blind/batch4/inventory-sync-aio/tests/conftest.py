import asyncio

import grpc
import pytest

from inventory.gen import inventory_pb2, inventory_pb2_grpc


class EndlessStock(inventory_pb2_grpc.InventoryServicer):
    """Test double: streams a fake level every 10 ms until the client goes away."""

    async def WatchStock(self, request, context):
        n = 0
        while True:
            n += 1
            yield inventory_pb2.StockLevel(warehouse_id=request.warehouse_id, sku="S", on_hand=n)
            await asyncio.sleep(0.01)


@pytest.fixture
async def fake_server():
    server = grpc.aio.server()
    inventory_pb2_grpc.add_InventoryServicer_to_server(EndlessStock(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    yield f"127.0.0.1:{port}"
    await server.stop(None)
