import time
from unittest import mock

import grpc
import pytest

from toolserver import mcp_pb2
from toolserver.auth import Principal, RevocationList
from toolserver.servicer import McpStreamingServicer


class AbortCalled(Exception):
    pass


def _ctx():
    ctx = mock.Mock()
    ctx.abort.side_effect = lambda code, details: (_ for _ in ()).throw(AbortCalled(code, details))
    ctx.time_remaining.return_value = 10.0
    return ctx


@pytest.fixture
def principal():
    return Principal(sub="u1", jti="j1", exp=time.time() + 60, scopes=frozenset({"files:read"}))


def _servicer(principal):
    authn = mock.Mock()
    authn.authenticate.return_value = principal
    channel = mock.Mock()
    return McpStreamingServicer(authn, RevocationList(), channel, "/tmp")


def test_stream_tool_calls_denies_write_without_scope(principal):
    svc = _servicer(principal)
    calls = iter([mcp_pb2.ToolCall(request_id="a", name="fs.write", resource_uri="res://u1/x")])
    events = list(svc.StreamToolCalls(calls, _ctx()))
    assert events[0].error.status == "PERMISSION_DENIED"


def test_watch_resource_stops_on_expiry(principal, tmp_path):
    expired = Principal(principal.sub, principal.jti, time.time() - 1, principal.scopes)
    svc = _servicer(expired)
    with pytest.raises(AbortCalled):
        next(svc.WatchResource(mcp_pb2.WatchResourceRequest(uri="res://u1/a.txt", interval_ms=250), _ctx()))
