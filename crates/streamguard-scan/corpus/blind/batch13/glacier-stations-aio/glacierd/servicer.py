"""GlacierNet servicer."""
from __future__ import annotations

import asyncio
import time

import grpc

from glacierd import store
from glacierd.gen import glacier_pb2, glacier_pb2_grpc
from glacierd.limits import observations
from glacierd.session import open_station_session

MELT_REFRESH_S = 60
DB_CAP_S = 5.0
MODEL_CAP_S = 10.0


class GlacierNet(glacier_pb2_grpc.GlacierNetServicer):
    async def StationLink(self, request_iterator, context):
        async with open_station_session(context) as s:
            db = await store.pool()
            async for obs in request_iterator:
                if obs.station_id not in s.claims.stations:
                    yield glacier_pb2.StationDirective(station_id=obs.station_id, note="PERMISSION_DENIED: station not bound")
                    continue
                if not await observations.take(s.claims.sub):
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
                await db.execute(
                    "INSERT INTO observations (station_id, at, air_temp_c, ablation_mm, snow_depth_cm, battery_v) "
                    "VALUES ($1, to_timestamp($2), $3, $4, $5, $6) ON CONFLICT DO NOTHING",
                    obs.station_id, obs.unix_s, obs.air_temp_c, obs.ablation_mm, obs.snow_depth_cm, obs.battery_v,
                    timeout=s.remaining(DB_CAP_S),
                )
                d = await store.directive_for(obs.station_id, s.remaining(DB_CAP_S))
                if d:
                    yield glacier_pb2.StationDirective(station_id=obs.station_id, **d)

    async def WatchMeltRate(self, request, context):
        async with open_station_session(context) as s:
            if request.glacier_id not in s.claims.glaciers:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "glacier not granted")
            while True:
                m = await store.melt_rate(request.glacier_id, s.remaining(MODEL_CAP_S))
                yield glacier_pb2.MeltRate(
                    glacier_id=request.glacier_id,
                    mm_w_e_per_day=m["mm_we_day"],
                    stations_reporting=m["stations"],
                    unix_s=int(time.time()),
                )
                await asyncio.sleep(MELT_REFRESH_S)

    async def DownloadSeries(self, request, context):
        async with open_station_session(context) as s:
            if request.station_id not in s.claims.stations:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "station not granted")
            db = await store.pool()
            rows = await db.fetch(
                "SELECT extract(epoch from at)::bigint AS t, air_temp_c, ablation_mm, snow_depth_cm, battery_v "
                "FROM observations WHERE station_id=$1 AND at BETWEEN to_timestamp($2) AND to_timestamp($3) ORDER BY at",
                request.station_id, request.from_unix, request.to_unix,
                timeout=s.remaining(30.0),
            )
            for i in range(0, len(rows), 500):
                yield glacier_pb2.SeriesChunk(
                    station_id=request.station_id,
                    rows=[glacier_pb2.Observation(station_id=request.station_id, unix_s=r["t"], air_temp_c=r["air_temp_c"],
                                                  ablation_mm=r["ablation_mm"], snow_depth_cm=r["snow_depth_cm"],
                                                  battery_v=r["battery_v"]) for r in rows[i:i + 500]],
                )
