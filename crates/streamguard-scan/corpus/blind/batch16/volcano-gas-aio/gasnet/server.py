import asyncio
import logging
import os
import time

import aiohttp
import grpc

from . import session
from .gen import gas_pb2, gas_pb2_grpc
from .limits import allow_frame
from .session import open_session

MODEL_URL = os.environ.get("PLUME_MODEL_URL", "http://plume-model.internal:8088")
PUSH_S = 10


class GasNetwork(gas_pb2_grpc.GasNetworkServicer):
    def __init__(self, http: aiohttp.ClientSession) -> None:
        self._http = http

    async def WatchPlume(self, request, context):
        async with open_session(context) as claims:
            if request.sector not in claims.sectors:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "sector_not_allowed")
            while True:
                remaining = context.time_remaining()
                timeout = aiohttp.ClientTimeout(total=remaining) if remaining is not None else None
                async with self._http.get(f"{MODEL_URL}/sectors/{request.sector}/flux", timeout=timeout) as r:
                    r.raise_for_status()
                    est = await r.json()
                yield gas_pb2.PlumeEstimate(sector=request.sector, so2_t_per_day=est["so2"],
                                            co2_so2_ratio=est["ratio"], unix_ms=int(time.time() * 1000))
                await asyncio.sleep(PUSH_S)

    async def StationLink(self, request_iterator, context):
        async with open_session(context) as claims:
            if not claims.station:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "not a station token")
            async for frame in request_iterator:
                if not allow_frame(claims.station):
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
                # Readings are attributed to the token's station; frames carry no station id.
                remaining = context.time_remaining()
                timeout = aiohttp.ClientTimeout(total=remaining) if remaining is not None else None
                async with self._http.post(f"{MODEL_URL}/stations/{claims.station}/readings", timeout=timeout,
                                           json={"so2": frame.so2_ppm, "co2": frame.co2_ppm, "h2s": frame.h2s_ppm,
                                                 "t": frame.unix_ms}) as r:
                    r.raise_for_status()
                    period = (await r.json()).get("period_s", 10)
                yield gas_pb2.StationDirective(frame_id=frame.frame_id, sample_period_s=period)


async def serve() -> None:
    session.load_key(os.environ.get("GASNET_JWT_KEY", "/etc/gasnet/jwt.pub"))
    await session.hub.start(os.environ.get("NATS_URL", "nats://nats.volcano-obs.internal:4222"))
    http = aiohttp.ClientSession()
    server = grpc.aio.server(options=[("grpc.max_connection_age_ms", 30 * 60 * 1000)])
    gas_pb2_grpc.add_GasNetworkServicer_to_server(GasNetwork(http), server)
    server.add_insecure_port(os.environ.get("GASNET_LISTEN", "[::]:50077"))
    await server.start()
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
