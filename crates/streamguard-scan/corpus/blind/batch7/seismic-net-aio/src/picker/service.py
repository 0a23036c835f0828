"""STA/LTA phase picker fed by seisd; publishes detections to consoles on the ops LAN."""

from __future__ import annotations

import asyncio
import time

import numpy as np

from seisnet.gen import picker_pb2, picker_pb2_grpc


class DetectionHub:
    def __init__(self) -> None:
        self._subscribers: set[asyncio.Queue] = set()

    def subscribe(self) -> asyncio.Queue:
        q: asyncio.Queue = asyncio.Queue(maxsize=256)
        self._subscribers.add(q)
        return q

    def unsubscribe(self, q: asyncio.Queue) -> None:
        self._subscribers.discard(q)

    def publish(self, det: picker_pb2.Detection) -> None:
        for q in list(self._subscribers):
            if q.full():
                q.get_nowait()
            q.put_nowait(det)


def sta_lta(samples: np.ndarray, rate: float, sta_s=1.0, lta_s=10.0) -> np.ndarray:
    sta_n, lta_n = max(int(sta_s * rate), 1), max(int(lta_s * rate), 1)
    energy = samples.astype("float64") ** 2
    csum = np.cumsum(energy)
    sta = (csum[sta_n:] - csum[:-sta_n]) / sta_n
    lta = (csum[lta_n:] - csum[:-lta_n]) / lta_n
    n = min(len(sta), len(lta))
    return sta[-n:] / np.maximum(lta[-n:], 1e-9)


class PickerServicer(picker_pb2_grpc.PickerServicer):
    def __init__(self, hub: DetectionHub, threshold: float = 4.0) -> None:
        self._hub = hub
        self._threshold = threshold

    async def Analyze(self, request, context):
        ratio = sta_lta(np.asarray(request.samples), request.sample_rate or 100.0)
        picks = 0
        if len(ratio) and ratio.max() > self._threshold:
            idx = int(ratio.argmax())
            self._hub.publish(
                picker_pb2.Detection(
                    station=request.station,
                    phase="P",
                    pick_epoch=request.start_epoch + idx / (request.sample_rate or 100.0),
                    snr=float(ratio.max()),
                )
            )
            picks = 1
        return picker_pb2.AnalyzeAck(picks=picks)

    async def WatchDetections(self, request, context):
        wanted = set(request.stations)
        q = self._hub.subscribe()
        try:
            while True:
                det = await q.get()
                if wanted and det.station not in wanted:
                    continue
                yield det
        finally:
            self._hub.unsubscribe(q)


def heartbeat() -> picker_pb2.Detection:
    return picker_pb2.Detection(station="", phase="HB", pick_epoch=time.time(), snr=0.0)
