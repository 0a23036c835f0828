"""ExamSession: the candidate's long-lived exam stream."""

from __future__ import annotations

import logging
import time

import grpc

from proctor import grading, settings
from proctor.flags import bus
from proctor.gen import proctor_pb2
from proctor.ratelimit import TokenBucket

log = logging.getLogger(__name__)


def run_exam_session(request_iterator, context, claims):
    candidate = claims["sub"]
    enrolled_exam = None
    room = None
    answers = TokenBucket(rate=settings.ANSWERS_PER_SECOND, burst=5)

    for msg in request_iterator:
        kind = msg.WhichOneof("body")
        if kind == "enrol":
            if msg.enrol.exam_id not in claims.get("exams", []):
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "not registered for this exam")
            enrolled_exam = msg.enrol.exam_id
            room = f"{enrolled_exam}:{msg.enrol.seat.split('-')[0]}"
            yield proctor_pb2.ProctorMessage(kind="enrolled", text=enrolled_exam)
            continue

        if enrolled_exam is None:
            context.abort(grpc.StatusCode.FAILED_PRECONDITION, "enrol first")

        if kind == "heartbeat":
            hb = msg.heartbeat
            if not hb.focused or hb.faces != 1:
                reason = "window lost focus" if not hb.focused else f"{hb.faces} faces on camera"
                bus.publish(room, proctor_pb2.CandidateFlag(
                    candidate=candidate, room_id=room, reason=reason, unix_ms=int(time.time() * 1000)))
                yield proctor_pb2.ProctorMessage(kind="warning", text=reason)
            continue

        if kind == "answer":
            if not answers.take():
                yield proctor_pb2.ProctorMessage(kind="throttled", text="answers are being sent too fast")
                continue
            a = msg.answer
            try:
                result = grading.grade(a.exam_id, a.question_id, candidate, a.response)
            except grpc.RpcError as exc:
                log.warning("grading failed for %s/%s: %s", a.exam_id, a.question_id, exc.code())
                yield proctor_pb2.ProctorMessage(kind="saved", question_id=a.question_id, text="graded later")
                continue
            yield proctor_pb2.ProctorMessage(kind="saved", question_id=a.question_id, score=result.score)
