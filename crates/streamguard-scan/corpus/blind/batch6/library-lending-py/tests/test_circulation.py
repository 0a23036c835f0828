import time
from types import SimpleNamespace

import grpc
import pytest

from lending.auth import StaffClaims
from lending.circulation import CirculationService


class Aborted(Exception):
    pass


class FakeContext:
    def __init__(self, deadline_left=None):
        self._left = deadline_left
        self.active = True

    def time_remaining(self):
        return self._left

    def is_active(self):
        return self.active

    def abort(self, code, details):
        raise Aborted(code, details)


class FakeRevocations:
    def __init__(self, revoked=False):
        self._revoked = revoked

    def revoked(self, claims):
        return self._revoked


def claims(**kw):
    base = dict(sub="staff-1", jti="t1", exp=int(time.time()) + 600, branches=frozenset({"central"}), roles=frozenset())
    base.update(kw)
    return StaffClaims(**base)


def test_still_valid_aborts_on_expired_token():
    svc = CirculationService(FakeRevocations())
    with pytest.raises(Aborted) as exc:
        svc._still_valid(claims(exp=int(time.time()) - 5), FakeContext())
    assert exc.value.args[0] == grpc.StatusCode.UNAUTHENTICATED


def test_still_valid_aborts_on_revocation():
    svc = CirculationService(FakeRevocations(revoked=True))
    with pytest.raises(Aborted) as exc:
        svc._still_valid(claims(), FakeContext())
    assert exc.value.args[0] == grpc.StatusCode.PERMISSION_DENIED


def test_watch_holds_refuses_other_branch(monkeypatch):
    monkeypatch.setattr("lending.circulation.claims_from", lambda ctx: claims())
    svc = CirculationService(FakeRevocations())
    with pytest.raises(Aborted):
        next(svc.WatchHolds(SimpleNamespace(branch_id="eastside"), FakeContext()))
