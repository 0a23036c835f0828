import grpc

from gen import tutor_pb2, tutor_pb2_grpc

from . import settings


class TranscriptsClient:
    def __init__(self):
        self._stub = tutor_pb2_grpc.TranscriptsStub(grpc.insecure_channel(settings.TRANSCRIPTS_ADDR))

    def append(self, session_id, speaker, text, timeout):
        self._stub.Append(
            tutor_pb2.AppendRequest(session_id=session_id, speaker=speaker, text=text), timeout=timeout
        )
