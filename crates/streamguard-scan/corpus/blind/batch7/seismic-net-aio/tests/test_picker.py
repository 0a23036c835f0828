import asyncio

import numpy as np

from picker.service import DetectionHub, PickerServicer, sta_lta
from seisnet.gen import picker_pb2


def test_sta_lta_spikes_on_onset():
    quiet = np.random.default_rng(1).normal(0, 1, 2000)
    quiet[1500:1600] += 40
    assert sta_lta(quiet, 100.0).max() > 4


async def test_detections_reach_subscribers():
    hub = DetectionHub()
    svc = PickerServicer(hub, threshold=2.0)
    q = hub.subscribe()
    samples = [0] * 1500 + [500] * 100
    await svc.Analyze(picker_pb2.PacketBatch(station="XX.STA1", samples=samples, sample_rate=100.0), None)
    det = await asyncio.wait_for(q.get(), 1)
    assert det.station == "XX.STA1"
