from __future__ import annotations

import time

from gridops.pb import grid_pb2 as pb
from gridops.pb import grid_pb2_grpc as pb_grpc

from .auth import claims_of
from .store import ReadingStore

READINGS_PER_MINUTE = 6000


class MeterCollector(pb_grpc.MeterCollectorServicer):
    def __init__(self, store: ReadingStore) -> None:
        self.store = store
        self.windows: dict[str, list] = {}

    async def StreamReadings(self, request_iterator, context):
        claims = claims_of(context)
        meters = set(claims.get("meters", []))
        peer = context.peer()
        async for reading in request_iterator:
            window = self.windows.setdefault(peer, [time.monotonic(), 0])
            if time.monotonic() - window[0] > 60:
                window[0], window[1] = time.monotonic(), 0
            window[1] += 1
            if window[1] > READINGS_PER_MINUTE:
                yield pb.ReadingAck(batch_id=reading.batch_id, stored=False, reason="rate_limited")
                continue
            if reading.meter_id not in meters:
                yield pb.ReadingAck(batch_id=reading.batch_id, stored=False, reason="meter_not_in_token")
                continue
            await self.store.append(reading)
            yield pb.ReadingAck(batch_id=reading.batch_id, stored=True)
