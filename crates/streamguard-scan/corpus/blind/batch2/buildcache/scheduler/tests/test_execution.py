import queue
import threading
from unittest import mock

import pytest

from scheduler import cache_pb2
from scheduler.execution import ActionQueue, ExecutionServicer


def test_action_queue_tracks_owner():
    q = ActionQueue()
    q.put(cache_pb2.ActionAssignment(action_id="a1"))
    a = q.take("w1", timeout=0.1)
    assert a.action_id == "a1"
    assert q.owner("a1") == "w1"


def test_take_times_out():
    with pytest.raises(queue.Empty):
        ActionQueue().take("w1", timeout=0.01)


def test_wait_execution_stops_when_done(monkeypatch):
    ops = mock.Mock()
    ops.WaitOperation.side_effect = [
        cache_pb2.Operation(name="i/operations/1", stage="QUEUED"),
        cache_pb2.Operation(name="i/operations/1", stage="EXECUTING"),
        cache_pb2.Operation(name="i/operations/1", stage="COMPLETED", done=True),
    ]
    monkeypatch.setattr("scheduler.execution.current_principal", lambda: {"instances": ["i"]})
    svc = ExecutionServicer(ActionQueue(), registry=mock.Mock(), operations_stub=ops)
    ctx = mock.Mock()
    ctx.time_remaining.return_value = None
    stages = [op.stage for op in svc.WaitExecution(cache_pb2.WaitExecutionRequest(name="i/operations/1"), ctx)]
    assert stages == ["QUEUED", "EXECUTING", "COMPLETED"]
