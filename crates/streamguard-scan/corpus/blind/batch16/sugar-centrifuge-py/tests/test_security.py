import time

import grpc
import pytest

from centrifuge_svc import security
from centrifuge_svc.revocations import revocations


class AbortCalled(Exception):
    pass


class FakeContext:
    def __init__(self, md=()):
        self._md = md
        self.code = None

    def invocation_metadata(self):
        return self._md

    def abort(self, code, details):
        self.code = code
        raise AbortCalled(details)


def test_missing_token_aborts():
    with pytest.raises(AbortCalled):
        security.authenticate(FakeContext())


def test_still_valid_sees_pushed_revocation():
    op = security.Operator("op-1", "jti-1", int(time.time()) + 600, frozenset({"st2"}), frozenset({"pan-operator"}))
    assert op.still_valid()
    revocations._add({"jti": "jti-1"})
    assert not op.still_valid()


def test_ensure_valid_expired():
    op = security.Operator("op-2", "jti-2", int(time.time()) - 1, frozenset(), frozenset())
    ctx = FakeContext()
    with pytest.raises(AbortCalled):
        security.ensure_valid(op, ctx)
    assert ctx.code == grpc.StatusCode.UNAUTHENTICATED


def test_may_operate_by_station():
    op = security.Operator("op-3", "j", int(time.time()) + 60, frozenset({"st2"}), frozenset({"pan-operator"}))
    assert op.may_operate("st2-c04")
    assert not op.may_operate("st3-c01")
