import time
from unittest import mock

import grpc
import pytest

from gateway import device_pb2
from gateway.auth import Device
from gateway.telemetry import CommandQueues, TelemetryService


class Aborted(Exception):
    pass


def ctx():
    c = mock.Mock()
    c.abort.side_effect = lambda code, details: (_ for _ in ()).throw(Aborted(code))
    c.is_active.return_value = True
    return c


@pytest.fixture
def svc(tmp_path):
    s = TelemetryService(str(tmp_path / "db"), CommandQueues(), mock.Mock(is_revoked=lambda j: False))
    s._db.execute("CREATE TABLE readings(device_id, metric, value, ts_ms)")
    return s


def test_foreign_device_rejected(svc):
    dev = Device(id="d1", children=frozenset(), exp=time.time() + 60, jti="j")
    with mock.patch("gateway.auth.require_device", return_value=dev):
        with pytest.raises(Aborted):
            svc.StreamReadings(iter([device_pb2.Reading(device_id="d9")]), ctx())


def test_commands_end_when_token_expires(svc):
    dev = Device(id="d1", children=frozenset(), exp=time.time() - 1, jti="j")
    with mock.patch("gateway.auth.require_device", return_value=dev):
        with pytest.raises(Aborted):
            next(svc.Commands(device_pb2.CommandsRequest(device_id="d1"), ctx()))
