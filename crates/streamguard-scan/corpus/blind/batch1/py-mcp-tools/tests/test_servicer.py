from unittest import mock

import grpc
import pytest

from toolserver import mcp_pb2
from toolserver.servicer import ToolStreamingServicer


class FakeContext:
    def __init__(self, scopes="tools:basic", sub="u1"):
        self._md = (("authorization", "Bearer x"),)
        self.callbacks = []
        self._principal = mock.Mock(sub=sub, scopes=frozenset(scopes.split()), exp=0)

    def invocation_metadata(self):
        return self._md

    def time_remaining(self):
        return 5.0

    def add_callback(self, cb):
        self.callbacks.append(cb)
        return True

    def is_active(self):
        return True

    def abort(self, code, details):
        raise grpc.RpcError(details)


@pytest.fixture
def ctx():
    c = FakeContext()
    with mock.patch("toolserver.auth.principal", return_value=c._principal):
        yield c


def test_denies_tool_outside_scope(ctx):
    executor = mock.Mock()
    svc = ToolStreamingServicer(executor=executor)
    calls = [mcp_pb2.ToolCall(request_id="1", name="write_file")]
    events = list(svc.StreamToolCalls(iter(calls), ctx))
    assert events[0].error.status == "PERMISSION_DENIED"
    executor.Run.future.assert_not_called()


def test_runs_permitted_tool(ctx):
    executor = mock.Mock()
    executor.Run.future.return_value.result.return_value = mcp_pb2.CallToolResponse()
    svc = ToolStreamingServicer(executor=executor)
    calls = [mcp_pb2.ToolCall(request_id="1", name="echo")]
    events = list(svc.StreamToolCalls(iter(calls), ctx))
    assert events[0].request_id == "1"
    assert ctx.callbacks, "future should be cancellable"
