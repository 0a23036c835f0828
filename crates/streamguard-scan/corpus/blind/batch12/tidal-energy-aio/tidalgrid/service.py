import asyncio

import aiohttp
import grpc

from gen import tidal_pb2, tidal_pb2_grpc
from tidalgrid import config
from tidalgrid.limiter import OperatorLimiter
from tidalgrid.session import open_session

HISTORIAN_TIMEOUT = aiohttp.ClientTimeout(total=5)


def remaining(context, default=10.0):
    left = context.time_remaining()
    return aiohttp.ClientTimeout(total=default if left is None else max(0.05, left))


class TidalGrid(tidal_pb2_grpc.TidalGridServicer):
    def __init__(self, http: aiohttp.ClientSession):
        self._http = http
        self._limiter = OperatorLimiter(config.ORDERS_PER_MINUTE)

    async def WatchArray(self, request, context):
        async with open_session(context) as s:
            if request.array_id not in s.arrays:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "array not permitted")
            while True:
                async with self._http.get(
                    f"{config.HISTORIAN_URL}/arrays/{request.array_id}/now", timeout=HISTORIAN_TIMEOUT
                ) as resp:
                    resp.raise_for_status()
                    now = await resp.json()
                await context.write(tidal_pb2.ArrayOutput(
                    array_id=request.array_id, mw=now["mw"], tide_speed_ms=now["tide_ms"],
                    tide_phase=now["phase"], at_unix=now["ts"],
                ))
                await asyncio.sleep(5)

    async def DispatchSession(self, request_iterator, context):
        async with open_session(context) as s:
            async for order in request_iterator:
                if order.array_id not in s.arrays or "dispatch" not in s.scopes:
                    yield tidal_pb2.DispatchAck(order_id=order.order_id, accepted=False, reason="PERMISSION_DENIED")
                    continue
                if not await self._limiter.allow(s.sub):
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
                async with self._http.put(
                    f"{config.TURBINE_CTRL}/arrays/{order.array_id}/turbines/{order.turbine_id}/setpoint",
                    json={"mw": order.setpoint_mw, "operator": s.sub},
                    timeout=remaining(context),
                ) as resp:
                    ok = resp.status == 200
                    reason = "" if ok else (await resp.text())[:120]
                yield tidal_pb2.DispatchAck(order_id=order.order_id, accepted=ok, reason=reason)
