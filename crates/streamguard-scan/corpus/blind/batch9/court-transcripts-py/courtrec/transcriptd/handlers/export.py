"""ExportTranscript: renders a certified transcript and streams it in chunks."""
from __future__ import annotations

import grpc

from courtrec.common import config
from courtrec.common.auth import Caller
from courtrec.gen.court.v1 import transcripts_pb2, transcripts_pb2_grpc

CHUNK = 256 * 1024
RENDER_TIMEOUT_S = 120


class Exporter:
    def __init__(self) -> None:
        self._store = transcripts_pb2_grpc.TranscriptStoreStub(grpc.insecure_channel(config.STORE_ADDR))

    def export(self, request, context: grpc.ServicerContext, caller: Caller):
        if request.format not in ("pdf", "ptx", "txt"):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"unsupported format {request.format!r}")
        doc = self._store.Render(transcripts_pb2.RenderRequest(hearing_id=request.hearing_id, format=request.format),
                                 timeout=RENDER_TIMEOUT_S)
        data = doc.document
        for seq, off in enumerate(range(0, len(data), CHUNK)):
            yield transcripts_pb2.ExportChunk(data=data[off:off + CHUNK], seq=seq)
