import asyncio
import logging
import time

import aiohttp
import grpc

from .auth import current_principal
from .gen import hive_pb2, hive_pb2_grpc
from .limits import TokenBucket
from .settings import settings
from .store import HiveStore
from . import weather

log = logging.getLogger(__name__)

SWARM_HUM_HZ = (400.0, 500.0)


class HivesServicer(hive_pb2_grpc.HivesServicer):
    def __init__(self, store: HiveStore, http: aiohttp.ClientSession):
        self.store = store
        self.http = http

    async def StreamHiveReadings(self, request_iterator, context):
        principal = current_principal()
        if principal.kind != "gateway":
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "gateways only")
        bucket = TokenBucket(settings.readings_per_second, settings.burst)
        stored = dropped = 0
        async for reading in request_iterator:
            if not bucket.take():
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "slow down")
            apiary = await self.store.apiary_of(reading.hive_id)
            if apiary not in principal.apiaries:
                dropped += 1
                continue
            await self.store.insert_reading(reading, timeout=context.time_remaining())
            stored += 1
            if SWARM_HUM_HZ[0] <= reading.hum_hz <= SWARM_HUM_HZ[1]:
                asyncio.create_task(weather.notify_swarm(self.http, reading.hive_id, reading.hum_hz))
        return hive_pb2.IngestSummary(stored=stored, dropped=dropped)

    async def WatchApiary(self, request, context):
        principal = current_principal()
        if request.apiary_id not in principal.apiaries:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "not your apiary")
        lat, lon = await self._location(request.apiary_id)
        while True:
            rows = await self.store.snapshot(request.apiary_id)
            try:
                w = await weather.current(self.http, lat, lon)
            except (aiohttp.ClientError, asyncio.TimeoutError):
                w = {"temp_c": float("nan"), "wind_ms": float("nan")}
            yield hive_pb2.ApiaryState(
                apiary_id=request.apiary_id,
                hives=[
                    hive_pb2.HiveSnapshot(
                        hive_id=r["hive_id"],
                        weight_kg=r["weight_kg"],
                        brood_temp_c=r["brood_temp_c"],
                        swarm_risk=SWARM_HUM_HZ[0] <= r["hum_hz"] <= SWARM_HUM_HZ[1],
                    )
                    for r in rows
                ],
                outside_temp_c=w["temp_c"],
                wind_ms=w["wind_ms"],
                unix_ms=int(time.time() * 1000),
            )
            await asyncio.sleep(15)

    async def ListInspections(self, request, context):
        principal = current_principal()
        if await self.store.apiary_of(request.hive_id) not in principal.apiaries:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "not your hive")
        rows = await self.store.inspections(request.hive_id, timeout=context.time_remaining())
        for r in rows:
            yield hive_pb2.Inspection(
                hive_id=r["hive_id"], inspector=r["inspector"], notes=r["notes"],
                queen_seen=r["queen_seen"], unix_ms=int(r["ms"]),
            )

    async def GetHive(self, request, context):
        apiary = await self.store.apiary_of(request.hive_id)
        if apiary is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "no such hive")
        return hive_pb2.Hive(hive_id=request.hive_id, apiary_id=apiary)

    async def _location(self, apiary_id: str) -> tuple[float, float]:
        row = await self.store.pool.fetchrow("select lat, lon from apiaries where id = $1", apiary_id)
        return (row["lat"], row["lon"]) if row else (0.0, 0.0)
