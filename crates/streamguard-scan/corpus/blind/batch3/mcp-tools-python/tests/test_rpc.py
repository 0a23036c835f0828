import json
import time
from unittest import mock

import grpc
import pytest

from mcp_tools import rpc
from mcp_tools.auth import Session
from mcp_tools.mcp_pb2 import JsonRpcFrame


class Aborted(Exception):
    pass


class Ctx:
    def __init__(self):
        self.callbacks = []

    def abort(self, code, details):
        raise Aborted(code, details)

    def add_callback(self, cb):
        self.callbacks.append(cb)

    def is_active(self):
        return True


def frames(*msgs):
    return iter([JsonRpcFrame(json=json.dumps(m).encode()) for m in msgs])


@pytest.fixture
def session():
    return Session(sub="u-1", jti="j-1", exp=int(time.time()) + 300, scopes=frozenset({"sql:read"}))


def test_tool_outside_scope_is_refused(session):
    with mock.patch.object(rpc, "verify_bearer", return_value=session):
        out = list(rpc.exchange(frames({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "github_get_file"}}), Ctx()))
    body = json.loads(out[0].json)
    assert body["error"]["message"] == "insufficient_scope"


def test_expired_session_aborts(session):
    session.exp = int(time.time()) - 10
    with mock.patch.object(rpc, "verify_bearer", return_value=session):
        with pytest.raises(Aborted) as exc:
            list(rpc.exchange(frames({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}), Ctx()))
    assert exc.value.args[0] == grpc.StatusCode.UNAUTHENTICATED
