"""FollowHearing: live transcript for the duration of a hearing."""
from __future__ import annotations

import time

import grpc

from courtrec.common import db
from courtrec.common.auth import Caller
from courtrec.gen.court.v1 import transcripts_pb2
from courtrec.transcriptd import store_http

POLL_S = 0.5


def follow_hearing(request, context: grpc.ServicerContext, caller: Caller):
    row = db.hearing_row(request.hearing_id)
    if row is None:
        context.abort(grpc.StatusCode.NOT_FOUND, "no such hearing")
    _, _, _, status, courthouse, sealed = row
    if courthouse not in caller.courthouses:
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "hearing is in another courthouse")
    if sealed and "judge" not in caller.roles:
        context.abort(grpc.StatusCode.PERMISSION_DENIED, "sealed hearing")
    after = request.from_line
    while context.is_active():
        for line in store_http.lines_since(request.hearing_id, after):
            after = line["line_no"]
            yield transcripts_pb2.TranscriptLine(hearing_id=request.hearing_id, line_no=after, speaker=line["speaker"],
                                                 text=line["text"], ts=line["ts"], final=line["final"])
        if store_http.hearing_status(request.hearing_id) == "ADJOURNED":
            return
        time.sleep(POLL_S)
