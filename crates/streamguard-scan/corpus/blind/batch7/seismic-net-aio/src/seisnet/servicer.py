"""seismic.v1.Seismic implementation."""

from __future__ import annotations

import asyncio
import logging
import time

import grpc

from seisnet import catalog
from seisnet.archive import WaveformArchive
from seisnet.auth import caller, verify_station
from seisnet.config import settings
from seisnet.gen import seismic_pb2, seismic_pb2_grpc
from seisnet.ingest import PickerForwarder, SequenceTracker

log = logging.getLogger(__name__)


class SeismicServicer(seismic_pb2_grpc.SeismicServicer):
    def __init__(self, archive: WaveformArchive, forwarder: PickerForwarder) -> None:
        self._archive = archive
        self._forwarder = forwarder

    async def StreamWaveforms(self, request, context):
        claims = caller(context)
        allowed = set(claims.get("networks", []))
        channels = [c for c in request.channels if c.split(".")[0] in allowed]
        if not channels:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "no requested channel is in a licensed network")
        cursor = request.start_epoch or time.time() - settings.segment_seconds
        log.info("waveforms for %s: %s", claims["sub"], ",".join(channels))
        while True:
            lag = time.time() - (cursor + settings.segment_seconds)
            if lag < 0:
                await asyncio.sleep(-lag)
            for channel in channels:
                try:
                    traces = await self._archive.segment(channel, cursor, settings.segment_seconds)
                except Exception as exc:  # archive hiccup: skip this window for the channel
                    log.debug("segment %s@%s failed: %s", channel, cursor, exc)
                    continue
                for tr in traces:
                    yield seismic_pb2.WaveformPacket(
                        channel=channel,
                        start_epoch=tr.stats.starttime.timestamp,
                        sample_rate=tr.stats.sampling_rate,
                        samples=tr.data.astype("int32").tolist(),
                    )
            cursor += settings.segment_seconds

    async def IngestPackets(self, request_iterator, context):
        try:
            ident = verify_station(context.invocation_metadata())
        except PermissionError as exc:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, str(exc))
        station = f"{ident.network}.{ident.station}"
        tracker = SequenceTracker()
        packets = 0
        second = int(time.monotonic())
        in_this_second = 0

        async for pkt in request_iterator:
            now = int(time.monotonic())
            if now != second:
                second, in_this_second = now, 0
            in_this_second += 1
            if in_this_second > settings.max_packets_per_second:
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "digitizer is sending too fast")
            if not pkt.channel.startswith(station + "."):
                # Channels are always bound to the authenticated station.
                pkt.channel = f"{station}.{pkt.channel.split('.')[-2]}.{pkt.channel.split('.')[-1]}"
            tracker.observe(pkt.channel, pkt.seq)
            packets += 1
            asyncio.create_task(self._forwarder.forward(station, pkt, context.time_remaining()))

        return seismic_pb2.IngestSummary(packets=packets, gaps=tracker.gaps)

    async def QueryEvents(self, request, context):
        start = request.start_epoch or time.time() - 86400
        end = request.end_epoch or time.time()
        async for row in catalog.events(request.min_magnitude, start, end, request.limit, context.time_remaining()):
            yield seismic_pb2.Event(
                event_id=row["publicid"],
                origin_epoch=row["t"],
                lat=row["latitude"],
                lon=row["longitude"],
                depth_km=row["depth_km"],
                magnitude=row["magnitude"],
            )

    async def GetStation(self, request, context):
        row = await catalog.station(request.code)
        if row is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"no station {request.code}")
        return seismic_pb2.Station(
            code=row["code"], lat=row["lat"], lon=row["lon"], elevation_m=row["elevation_m"], channels=row["channels"]
        )
