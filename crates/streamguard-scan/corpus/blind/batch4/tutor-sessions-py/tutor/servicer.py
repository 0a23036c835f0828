import logging

import grpc

from gen import tutor_pb2, tutor_pb2_grpc

from . import settings
from .auth import Unauthenticated, session_from_metadata, still_valid
from .notifications import NotificationStore
from .ratelimit import TokenBucket

log = logging.getLogger("tutor")


class TutoringServicer(tutor_pb2_grpc.TutoringServicer):
    def __init__(self, grader, transcripts, notifications: NotificationStore, pool):
        self._grader = grader
        self._transcripts = transcripts
        self._notifications = notifications
        self._pool = pool

    def Converse(self, request_iterator, context):
        try:
            session = session_from_metadata(context.invocation_metadata())
        except Unauthenticated as exc:
            context.abort(grpc.StatusCode.UNAUTHENTICATED, str(exc))

        bucket = TokenBucket(settings.ANSWERS_PER_SECOND)
        course = None
        for turn in request_iterator:
            if not still_valid(session):
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "session expired or logged out")

            if course is None:
                if turn.kind != "hello" or turn.course_id not in session.courses:
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, "say hello with an enrolled course first")
                course = turn.course_id
                yield tutor_pb2.Reply(text=f"welcome to {course}")
                continue

            if not bucket.allow():
                yield tutor_pb2.Reply(exercise_id=turn.exercise_id, error="too many answers, wait a moment")
                continue

            try:
                result = self._grader.grade(turn.course_id, turn.exercise_id, session.student_id, turn.text)
            except grpc.RpcError as exc:
                yield tutor_pb2.Reply(exercise_id=turn.exercise_id, error=f"grader: {exc.code().name}")
                continue

            self._pool.submit(self._transcripts.append, session.sid, session.student_id, turn.text, 10)
            yield tutor_pb2.Reply(exercise_id=turn.exercise_id, text=result.feedback, score=result.score)

    def WatchNotifications(self, request, context):
        try:
            session = session_from_metadata(context.invocation_metadata())
        except Unauthenticated as exc:
            context.abort(grpc.StatusCode.UNAUTHENTICATED, str(exc))
        if request.student_id != session.student_id:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "you can only watch your own notifications")

        last = 0
        while context.is_active():
            # Short waits so a cancelled stream frees its worker thread within a second.
            remaining = context.time_remaining()
            wait_s = 1.0 if remaining is None else max(0.0, min(1.0, remaining))
            for nid, title, created in self._notifications.wait_for_new(session.student_id, last, wait_s):
                last = max(last, nid)
                yield tutor_pb2.Notification(id=str(nid), title=title, created_unix=created)
