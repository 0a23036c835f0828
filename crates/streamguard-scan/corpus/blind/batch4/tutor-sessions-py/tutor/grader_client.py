import grpc

from gen import tutor_pb2, tutor_pb2_grpc

from . import settings

GRADE_TIMEOUT_S = 30


class GraderClient:
    def __init__(self):
        self._channel = grpc.insecure_channel(settings.GRADER_ADDR)
        self._stub = tutor_pb2_grpc.GraderStub(self._channel)

    def grade(self, course_id, exercise_id, student_id, answer):
        req = tutor_pb2.GradeRequest(
            course_id=course_id, exercise_id=exercise_id, student_id=student_id, answer=answer
        )
        return self._stub.Grade(req, timeout=GRADE_TIMEOUT_S)
