import asyncio
import time

import grpc

from .. import clients
from ..auth import current_user
from ..gen import irrigation_pb2

PUSH_INTERVAL_S = 60


async def watch_moisture(request, context: grpc.aio.ServicerContext):
    user = current_user.get()
    if request.block_id not in user.blocks:
        await context.abort(grpc.StatusCode.PERMISSION_DENIED, "block not assigned to you")
    while True:
        remaining = context.time_remaining()
        rows = await clients.latest_probe_readings(request.block_id, timeout=remaining)
        et0 = await clients.reference_et0(request.block_id)
        for row in rows:
            yield irrigation_pb2.MoistureReading(
                block_id=request.block_id,
                probe_id=row["probe_id"],
                vwc_percent=row["vwc_percent"],
                et0_mm=et0,
                unix_ms=int(row["taken_at"].timestamp() * 1000),
            )
        await asyncio.sleep(PUSH_INTERVAL_S)
