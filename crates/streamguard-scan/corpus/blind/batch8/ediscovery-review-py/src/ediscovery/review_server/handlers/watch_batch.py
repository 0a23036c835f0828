import time

import grpc

from ...gen import review_pb2
from ..auth import principal
from ..clients import assignments
from ..config import settings

ASSIGNMENTS_TIMEOUT_S = 30


def watch_batch(request, context):
    """Pushes each batch cut for this reviewer on the matter. Reviewers keep
    the batch panel open for the whole working day."""
    p = principal(context)
    if request.matter_id not in p.matters:
        context.abort(grpc.StatusCode.PERMISSION_DENIED, f"not staffed on matter {request.matter_id}")
    since = int(time.time() * 1000)
    while context.is_active():
        reply = assignments.NextAssignments(
            review_pb2.NextAssignmentsRequest(matter_id=request.matter_id, reviewer=p.sub, since_unix_ms=since),
            timeout=ASSIGNMENTS_TIMEOUT_S,
        )
        for batch in reply.batches:
            since = max(since, batch.cut_unix_ms)
            yield batch
        time.sleep(settings.batch_poll_seconds)
