import time
from unittest import mock

import grpc
import pytest


class Aborted(Exception):
    pass


class FakeContext:
    def __init__(self):
        self.code = None

    def abort(self, code, details):
        self.code = (code, details)
        raise Aborted(details)


@pytest.fixture()
def auth(monkeypatch):
    with mock.patch("redis.Redis.from_url") as from_url:
        from_url.return_value.smembers.return_value = {b"jti:gone"}
        from ovend import auth as mod
        yield mod


def test_expired_token_is_ended(auth):
    ctx = FakeContext()
    with pytest.raises(Aborted):
        auth.still_valid({"exp": time.time() - 1, "jti": "a", "sub": "u"}, ctx)
    assert ctx.code[0] == grpc.StatusCode.UNAUTHENTICATED


def test_revoked_token_is_ended(auth):
    ctx = FakeContext()
    auth.revocations._ids.add("jti:gone")
    with pytest.raises(Aborted):
        auth.still_valid({"exp": time.time() + 60, "jti": "gone", "sub": "u"}, ctx)
    assert ctx.code == (grpc.StatusCode.PERMISSION_DENIED, "token_revoked")


def test_valid_token_passes(auth):
    auth.still_valid({"exp": time.time() + 60, "jti": "ok", "sub": "u"}, FakeContext())
