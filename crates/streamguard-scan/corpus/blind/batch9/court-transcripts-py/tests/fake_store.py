"""In-process fake of the transcript store for integration tests."""
import time

from courtrec.gen.court.v1 import transcripts_pb2, transcripts_pb2_grpc


class FakeTranscripts(transcripts_pb2_grpc.TranscriptsServicer):
    def WatchDocket(self, request, context):
        n = 0
        while True:
            n += 1
            yield transcripts_pb2.DocketEvent(case_no=f"C-{n}", room="4B", event="CALLED", ts=int(time.time()))
            time.sleep(0.05)
