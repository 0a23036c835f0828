import time
from unittest import mock

import grpc
import jwt
import pytest

from sporeworks import auth

SECRET = b"unit-test-secret-unit-test-secret"


class Aborted(Exception):
    pass


class FakeContext:
    def __init__(self, token=None):
        self._md = (("authorization", f"Bearer {token}"),) if token else ()
        self.code = None

    def invocation_metadata(self):
        return self._md

    def abort(self, code, details):
        self.code = code
        raise Aborted(details)


def make(**over):
    c = {"sub": "grower-4", "jti": "j-1", "iss": auth.settings.JWT_ISSUER, "aud": "growrooms",
         "exp": int(time.time()) + 600, "rooms": ["R3"], "roles": ["grower"]}
    c.update(over)
    return jwt.encode(c, SECRET, algorithm="HS256")


def test_decode_reads_rooms():
    g = auth.decode(make(), key=SECRET)
    assert g.rooms == frozenset({"R3"})


def test_still_valid_rejects_expired():
    g = auth.Grower(sub="s", jti="j", exp=int(time.time()) - 1, rooms=frozenset(), roles=frozenset())
    ctx = FakeContext()
    with pytest.raises(Aborted):
        auth.still_valid(g, ctx)
    assert ctx.code == grpc.StatusCode.UNAUTHENTICATED


def test_still_valid_rejects_revoked():
    g = auth.Grower(sub="s", jti="j", exp=int(time.time()) + 60, rooms=frozenset(), roles=frozenset())
    rev = mock.Mock()
    rev.is_revoked.return_value = True
    with mock.patch.object(auth, "revocations", rev):
        ctx = FakeContext()
        with pytest.raises(Aborted):
            auth.still_valid(g, ctx)
        assert ctx.code == grpc.StatusCode.PERMISSION_DENIED


def test_require_role_denies_missing_role():
    class S:
        @auth.require_role("packer")
        def Handler(self, request, context, grower):
            return grower

    with mock.patch.object(auth, "_key", return_value=SECRET):
        ctx = FakeContext(make(roles=["grower"]))
        with pytest.raises(Aborted):
            S().Handler(None, ctx)
        assert ctx.code == grpc.StatusCode.PERMISSION_DENIED
