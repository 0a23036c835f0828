"""proctor.v1.Proctor: thin servicer delegating to the handler modules."""

from __future__ import annotations

import time

from proctor.auth import require_role
from proctor.gen import proctor_pb2, proctor_pb2_grpc
from proctor.handlers.exam_session import run_exam_session
from proctor.handlers.watch import run_watch_candidates
from proctor.handlers.webcam import run_upload_webcam
from proctor.revocation import RevocationSet


class ProctorServicer(proctor_pb2_grpc.ProctorServicer):
    def __init__(self, revoked: RevocationSet) -> None:
        self._revoked = revoked

    @require_role("candidate")
    def ExamSession(self, request_iterator, context, claims):
        return run_exam_session(request_iterator, context, claims)

    @require_role("proctor")
    def WatchCandidates(self, request, context, claims):
        return run_watch_candidates(request, context, claims, self._revoked)

    @require_role("candidate")
    def UploadWebcam(self, request_iterator, context, claims):
        return run_upload_webcam(request_iterator, context, claims)

    @require_role("candidate")
    def StartExam(self, request, context, claims):
        return proctor_pb2.StartExamResponse(ends_unix_ms=int((time.time() + 3 * 3600) * 1000))
