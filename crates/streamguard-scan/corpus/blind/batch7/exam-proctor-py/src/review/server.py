"""review-worker: serves the review team's tooling inside the review VPC (no end-user access)."""

from __future__ import annotations

import logging
import os
import queue
import time
from concurrent import futures

import grpc

from proctor.gen import review_pb2, review_pb2_grpc
from review import flags_db


class ReviewServicer(review_pb2_grpc.ReviewServicer):
    def StreamFlags(self, request, context):
        out: queue.Queue = queue.Queue()
        left = context.time_remaining()
        deadline = None if left is None else time.monotonic() + left
        flags_db.tail_flags(request.exam_id, out, deadline)
        while context.is_active():
            try:
                fid, exam, cand, reason, ms = out.get(timeout=1.0)
            except queue.Empty:
                continue
            yield review_pb2.Flag(id=fid, exam_id=exam, candidate=cand, reason=reason, unix_ms=int(ms))

    def ResolveFlag(self, request, context):
        reviewer = dict(context.invocation_metadata()).get("x-reviewer", "unknown")
        return review_pb2.ResolutionAck(ok=flags_db.resolve(request.id, request.verdict, reviewer))


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=16),
        options=[("grpc.keepalive_time_ms", 60_000), ("grpc.max_connection_idle_ms", 600_000)],
    )
    review_pb2_grpc.add_ReviewServicer_to_server(ReviewServicer(), server)
    server.add_insecure_port(os.environ.get("REVIEW_LISTEN", "[::]:7200"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
