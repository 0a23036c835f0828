import logging

from damwatch import historian
from damwatch.gen import field_pb2, field_pb2_grpc

from .limits import PeerWindow

log = logging.getLogger(__name__)
BATCH = 50


class FieldSensorsServicer(field_pb2_grpc.FieldSensorsServicer):
    def __init__(self):
        self.window = PeerWindow(per_second=20)

    async def StreamSensors(self, request_iterator, context):
        peer = context.peer()
        stored = dropped = 0
        batch: list[dict] = []
        try:
            async for frame in request_iterator:
                if not self.window.allow(peer):
                    dropped += 1
                    continue
                batch.append({"sensor": frame.sensor_id, "kind": frame.kind, "value": frame.value, "ts": frame.unix_ms})
                if len(batch) >= BATCH:
                    await historian.write_points(batch, timeout_s=context.time_remaining())
                    stored += len(batch)
                    batch = []
            if batch:
                await historian.write_points(batch, timeout_s=context.time_remaining())
                stored += len(batch)
        finally:
            self.window.forget(peer)
        return field_pb2.StreamSummary(stored=stored, dropped=dropped)
