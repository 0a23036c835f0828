import logging
import time

import grpc

from genproto import sequencing_pb2 as pb
from genproto import sequencing_pb2_grpc as pb_grpc

from . import aligner, runs, storage
from .keys import principal_of

log = logging.getLogger("seqd")

MAX_LANE_BYTES = 64 * 1024**3
RUN_POLL_SECONDS = 20


class SequencingService(pb_grpc.SequencingServicer):
    def UploadReads(self, request_iterator, context):
        principal = principal_of(context)
        if principal["kind"] != "instrument":
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "only instruments upload reads")
        buf = bytearray()
        run_id, lane = None, 0
        for chunk in request_iterator:
            if run_id is None:
                run_id, lane = chunk.run_id, chunk.lane
                if runs.run_project(run_id) not in principal["projects"]:
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, f"run {run_id} not in your projects")
            buf.extend(chunk.fastq_gz)
            if len(buf) > MAX_LANE_BYTES:
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "lane larger than 64 GiB")
        key = storage.put_lane(run_id, lane, bytes(buf))
        return pb.UploadReceipt(object_key=key, bytes=len(buf))

    def FollowRun(self, request, context):
        principal = principal_of(context)
        if runs.run_project(request.run_id) not in principal["projects"]:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, f"run {request.run_id} not in your projects")
        cycle = 0
        while context.is_active():
            for c, state, q30 in runs.events_since(request.run_id, cycle):
                cycle = c
                yield pb.RunEvent(run_id=request.run_id, cycle=c, state=state, q30=q30)
                if state in ("COMPLETE", "FAILED", "ABORTED"):
                    return
            time.sleep(RUN_POLL_SECONDS)

    def AlignStream(self, request_iterator, context):
        principal = principal_of(context)
        authorized = False
        for req in request_iterator:
            if not authorized:
                if req.project_id not in principal["projects"]:
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, f"project {req.project_id}")
                authorized = True
            try:
                result = aligner.align(req.sample_id, req.reference, req.region, timeout=context.time_remaining())
                yield pb.AlignResult(request_id=req.request_id, bam_key=result.bam_key, mapped_fraction=result.mapped_fraction)
            except grpc.RpcError as err:
                yield pb.AlignResult(request_id=req.request_id, error=err.details() or "aligner failed")
