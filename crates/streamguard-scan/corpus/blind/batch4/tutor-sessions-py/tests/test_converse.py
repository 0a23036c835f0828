"""End-to-end test of Converse against in-process fakes for the grader and transcripts."""
from concurrent import futures

import grpc
import pytest

from gen import tutor_pb2, tutor_pb2_grpc


class FakeGrader(tutor_pb2_grpc.GraderServicer):
    def Grade(self, request, context):
        return tutor_pb2.GradeResult(score=1.0, feedback="ok")


class ForeverNotifications(tutor_pb2_grpc.TutoringServicer):
    def WatchNotifications(self, request, context):
        i = 0
        while True:
            i += 1
            yield tutor_pb2.Notification(id=str(i), title="ping")


@pytest.fixture
def grader_addr():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    tutor_pb2_grpc.add_GraderServicer_to_server(FakeGrader(), server)
    tutor_pb2_grpc.add_TutoringServicer_to_server(ForeverNotifications(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}"
    server.stop(None)


def test_fake_grader_answers(grader_addr):
    stub = tutor_pb2_grpc.GraderStub(grpc.insecure_channel(grader_addr))
    assert stub.Grade(tutor_pb2.GradeRequest(answer="42"), timeout=2).feedback == "ok"
