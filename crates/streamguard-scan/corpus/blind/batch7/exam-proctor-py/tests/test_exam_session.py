from unittest import mock

import grpc
import pytest

from proctor.gen import proctor_pb2, grading_pb2
from proctor.handlers.exam_session import run_exam_session


class Abort(Exception):
    pass


class Ctx:
    def abort(self, code, details):
        raise Abort(code, details)


def enrol(exam):
    return proctor_pb2.CandidateMessage(enrol=proctor_pb2.Enrol(exam_id=exam, seat="R1-04"))


def answer(exam, q):
    return proctor_pb2.CandidateMessage(answer=proctor_pb2.Answer(exam_id=exam, question_id=q, response="42"))


def test_enrol_for_unregistered_exam_is_refused():
    with pytest.raises(Abort):
        list(run_exam_session(iter([enrol("EX-2")]), Ctx(), {"sub": "c1", "exams": ["EX-1"]}))


def test_answer_is_graded():
    with mock.patch("proctor.grading.grade", return_value=grading_pb2.GradeResult(score=1.0)):
        out = list(run_exam_session(iter([enrol("EX-1"), answer("EX-1", "q1")]), Ctx(), {"sub": "c1", "exams": ["EX-1"]}))
    assert out[-1].score == 1.0


def test_answer_before_enrol_is_refused():
    with pytest.raises(Abort):
        list(run_exam_session(iter([answer("EX-1", "q1")]), Ctx(), {"sub": "c1", "exams": ["EX-1"]}))
