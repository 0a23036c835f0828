"""SubmitSteno: a writer streams translated lines for the whole court day."""
from __future__ import annotations

import grpc

from courtrec.common import config, db
from courtrec.gen.court.v1 import transcripts_pb2, transcripts_pb2_grpc
from courtrec.steno.keys import reporter_for_key


class StenoIngestServicer(transcripts_pb2_grpc.StenoIngestServicer):
    def __init__(self) -> None:
        self._store = transcripts_pb2_grpc.TranscriptStoreStub(grpc.insecure_channel(config.STORE_ADDR))

    def SubmitSteno(self, request_iterator, context):
        reporter = reporter_for_key(dict(context.invocation_metadata()).get("x-steno-key", ""))
        lines = 0
        checked_hearing = None
        for chunk in request_iterator:
            if checked_hearing is None:
                if not db.reporter_assigned(reporter, chunk.hearing_id):
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, "reporter not assigned to this hearing")
                checked_hearing = chunk.hearing_id
            lines += 1
            if lines > config.MAX_LINES_PER_STREAM:
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "line budget for this stream exhausted")
            remaining = context.time_remaining()
            self._store.Append(
                transcripts_pb2.AppendRequest(hearing_id=chunk.hearing_id, line_no=chunk.line_no, speaker=chunk.speaker,
                                              text=chunk.text, ts=chunk.ts),
                timeout=remaining,
            )
        return transcripts_pb2.SubmitAck(lines=lines)
