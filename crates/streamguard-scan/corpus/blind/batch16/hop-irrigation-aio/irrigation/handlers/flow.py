import grpc

from .. import clients
from ..auth import current_user
from ..config import settings
from ..gen import irrigation_pb2

BATCH = 200


async def report_flow(request_iterator, context: grpc.aio.ServicerContext):
    user = current_user.get()
    if "flow-meter" not in user.roles:
        await context.abort(grpc.StatusCode.PERMISSION_DENIED, "not a flow meter")
    meter = user.sub  # meter tokens are issued per meter; the samples are bound to it
    received = 0
    batch = []
    async for sample in request_iterator:
        received += 1
        if received > settings.max_samples_per_stream:
            await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "sample budget for this stream used up")
        batch.append((meter, sample.litres_per_min, sample.pressure_bar, sample.unix_ms))
        if len(batch) >= BATCH:
            await clients.insert_flow(batch, timeout=context.time_remaining())
            batch.clear()
    if batch:
        await clients.insert_flow(batch, timeout=context.time_remaining())
    return irrigation_pb2.FlowSummary(samples=received)
