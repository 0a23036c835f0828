"""Client of the auto-grading service."""

import grpc

from proctor import settings
from proctor.gen import grading_pb2, grading_pb2_grpc

GRADE_TIMEOUT_S = 30  # free-text questions go through the LLM rubric and can be slow

_channel = grpc.insecure_channel(settings.GRADING_ADDR)
_stub = grading_pb2_grpc.GradingStub(_channel)


def grade(exam_id: str, question_id: str, candidate: str, response: str) -> grading_pb2.GradeResult:
    return _stub.Grade(
        grading_pb2.GradeRequest(exam_id=exam_id, question_id=question_id, candidate=candidate, response=response),
        timeout=GRADE_TIMEOUT_S,
    )
