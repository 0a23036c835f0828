"""Forwarding of station packets to the phase picker."""

from __future__ import annotations

import logging

import grpc

from seisnet.config import settings
from seisnet.gen import picker_pb2, picker_pb2_grpc

log = logging.getLogger(__name__)


class PickerForwarder:
    def __init__(self) -> None:
        self._channel = grpc.aio.insecure_channel(settings.picker_addr)
        self._stub = picker_pb2_grpc.PickerStub(self._channel)

    async def forward(self, station: str, pkt, timeout: float | None) -> None:
        batch = picker_pb2.PacketBatch(
            station=station,
            channel=pkt.channel,
            start_epoch=pkt.start_epoch,
            sample_rate=pkt.sample_rate,
            samples=pkt.samples,
        )
        try:
            ack = await self._stub.Analyze(batch, timeout=timeout)
            if ack.picks:
                log.info("picker: %d picks on %s", ack.picks, station)
        except grpc.aio.AioRpcError as exc:
            log.warning("picker unavailable for %s: %s", station, exc.code())


class SequenceTracker:
    """Counts gaps in the digitizer's packet sequence numbers."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}
        self.gaps = 0

    def observe(self, channel: str, seq: int) -> None:
        prev = self.last.get(channel)
        if prev is not None and seq != prev + 1:
            self.gaps += 1
        self.last[channel] = seq
