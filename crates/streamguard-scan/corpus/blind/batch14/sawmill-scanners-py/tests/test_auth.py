import time
from unittest import mock

import grpc
import jwt
import pytest

with mock.patch("redis.Redis.from_url"), mock.patch("threading.Thread"):
    from millscan import auth, config


class Abort(Exception):
    pass


class FakeContext:
    def __init__(self, token=None):
        self._md = (("authorization", f"Bearer {token}"),) if token else ()
        self.code = None

    def invocation_metadata(self):
        return self._md

    def abort(self, code, details):
        self.code = code
        raise Abort(details)


def token(**over):
    claims = {"sub": "sawyer-4", "jti": "j1", "aud": "millscan", "exp": int(time.time()) + 60,
              "roles": ["sawyer"], "lines": ["HR1"]}
    claims.update(over)
    return jwt.encode(claims, config.JWT_SECRET or "x" * 32, algorithm="HS256")


@pytest.fixture(autouse=True)
def secret(monkeypatch):
    monkeypatch.setattr(config, "JWT_SECRET", "x" * 32)


def test_missing_token():
    ctx = FakeContext()
    with pytest.raises(Abort):
        auth.principal_from(ctx)
    assert ctx.code == grpc.StatusCode.UNAUTHENTICATED


def test_revoked_subject():
    auth.revocations._sub.add("sawyer-4")
    try:
        ctx = FakeContext(token())
        with pytest.raises(Abort):
            auth.principal_from(ctx)
        assert ctx.code == grpc.StatusCode.PERMISSION_DENIED
    finally:
        auth.revocations._sub.discard("sawyer-4")


def test_still_valid_turns_false_after_exp():
    p = auth.Principal("s", "j", frozenset(), frozenset(), int(time.time()) - 5)
    assert not p.still_valid()
