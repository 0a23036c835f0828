"""Internal transcript exporter (behind the VPN; called by the reporting jobs)."""
import time

import grpc

from gen import tutor_pb2, tutor_pb2_grpc


class ExporterServicer(tutor_pb2_grpc.ExporterServicer):
    def __init__(self, transcripts_stub):
        self._transcripts = transcripts_stub

    def ExportTranscript(self, request, context):
        lines = self._transcripts.Read(
            tutor_pb2.ReadRequest(session_id=request.session_id), timeout=context.time_remaining()
        )
        context.add_callback(lines.cancel)
        for line in lines:
            yield line

    def TailTranscript(self, request, context):
        after = request.after_seq
        while context.is_active():
            remaining = context.time_remaining()
            batch = self._transcripts.Read(
                tutor_pb2.ReadRequest(session_id=request.session_id, after_seq=after),
                timeout=None if remaining is None else min(remaining, 5.0),
            )
            got = False
            for line in batch:
                got = True
                after = line.seq
                yield line
            if not got:
                time.sleep(2)
