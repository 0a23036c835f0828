from __future__ import annotations

import grpc

from courtrec.common import db
from courtrec.common.auth import Caller, require_role
from courtrec.gen.court.v1 import transcripts_pb2, transcripts_pb2_grpc
from courtrec.transcriptd.handlers.docket import DocketWatcher
from courtrec.transcriptd.handlers.export import Exporter
from courtrec.transcriptd.handlers.follow import follow_hearing


class TranscriptsServicer(transcripts_pb2_grpc.TranscriptsServicer):
    def __init__(self) -> None:
        self._docket = DocketWatcher()
        self._exporter = Exporter()

    @require_role("judge", "counsel", "press")
    def FollowHearing(self, request, context, caller: Caller):
        yield from follow_hearing(request, context, caller)

    @require_role("clerk")
    def WatchDocket(self, request, context, caller: Caller):
        yield from self._docket.watch(request, context, caller)

    @require_role("judge", "clerk", "counsel")
    def ExportTranscript(self, request, context, caller: Caller):
        yield from self._exporter.export(request, context, caller)

    @require_role()
    def GetHearing(self, request, context, caller: Caller):
        row = db.hearing_row(request.hearing_id)
        if row is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "no such hearing")
        return transcripts_pb2.Hearing(hearing_id=row[0], case_no=row[1], room=row[2], status=row[3])
