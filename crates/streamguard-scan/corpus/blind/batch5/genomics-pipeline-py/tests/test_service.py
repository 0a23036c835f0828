from unittest import mock

import grpc
import pytest

from seqd import service


class FakeContext:
    def __init__(self, principal):
        self._principal = principal
        self.active = True

    def invocation_metadata(self):
        return (("x-lab-key", "k"),)

    def abort(self, code, details):
        raise grpc.RpcError(f"{code}: {details}")

    def is_active(self):
        return self.active

    def time_remaining(self):
        return 5.0


def test_follow_run_stops_at_completion():
    ctx = FakeContext({"owner": "a", "kind": "analyst", "projects": {"P1"}})
    with mock.patch.object(service, "principal_of", return_value=ctx._principal), \
         mock.patch.object(service.runs, "run_project", return_value="P1"), \
         mock.patch.object(service.runs, "events_since", return_value=[(1, "RUNNING", 0.9), (2, "COMPLETE", 0.92)]):
        events = list(service.SequencingService().FollowRun(mock.Mock(run_id="R1"), ctx))
    assert [e.state for e in events] == ["RUNNING", "COMPLETE"]


def test_upload_rejects_analyst_keys():
    ctx = FakeContext({"owner": "a", "kind": "analyst", "projects": set()})
    with mock.patch.object(service, "principal_of", return_value=ctx._principal):
        with pytest.raises(grpc.RpcError):
            service.SequencingService().UploadReads(iter([]), ctx)
