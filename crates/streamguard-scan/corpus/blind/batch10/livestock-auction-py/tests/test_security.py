import time
from unittest import mock

import grpc
import jwt
import pytest

from auction_ring import security, settings


class AbortCalled(Exception):
    pass


class FakeContext:
    def __init__(self, md=()):
        self._md = md
        self.code = None

    def invocation_metadata(self):
        return self._md

    def abort(self, code, details):
        self.code = (code, details)
        raise AbortCalled(details)


def token(**over):
    claims = {"sub": "b-12", "jti": "j-1", "exp": int(time.time()) + 60, "iss": settings.JWT_ISSUER,
              "aud": "auction-ring", "roles": ["bidder"], "buyer_no": "0412"}
    claims.update(over)
    return jwt.encode(claims, "s3cret", algorithm="HS256")


@pytest.fixture(autouse=True)
def secret(monkeypatch):
    monkeypatch.setattr(settings, "JWT_SECRET", "s3cret")


def test_require_role_passes_bidder():
    class S:
        @security.require_role("bidder")
        def m(self, request, context, bidder):
            return bidder.buyer_no

    ctx = FakeContext([("authorization", f"Bearer {token()}")])
    assert S().m(None, ctx) == "0412"


def test_require_role_rejects_viewer():
    class S:
        @security.require_role("bidder")
        def m(self, request, context, bidder):
            return "nope"

    ctx = FakeContext([("authorization", f"Bearer {token(roles=['viewer'])}")])
    with pytest.raises(AbortCalled):
        S().m(None, ctx)
    assert ctx.code[0] == grpc.StatusCode.PERMISSION_DENIED


def test_still_valid_detects_revocation():
    b = security.verify(token())
    with mock.patch.object(security.revocations, "revoked", return_value=True):
        ctx = FakeContext()
        with pytest.raises(AbortCalled):
            security.still_valid(b, ctx)
        assert ctx.code[1] == "token_revoked"
