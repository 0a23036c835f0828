import time

import grpc
import jwt
import pytest

from drawd import config, security


class FakeContext:
    def __init__(self, token=None):
        self._md = (("authorization", f"Bearer {token}"),) if token else ()
        self.aborted = None

    def invocation_metadata(self):
        return self._md

    def abort(self, code, details):
        self.aborted = (code, details)
        raise grpc.RpcError(details)


def make(role="retailer", **over):
    c = {"sub": "u1", "role": role, "retailer_id": "R-42", "aud": config.JWT_AUDIENCE, "iss": config.JWT_ISSUER,
         "exp": int(time.time()) + 60}
    c.update(over)
    return jwt.encode(c, config.JWT_SECRET or "test", algorithm="HS256")


@pytest.fixture(autouse=True)
def secret(monkeypatch):
    monkeypatch.setattr(config, "JWT_SECRET", "test")


def test_role_enforced():
    class H:
        @security.require_role("auditor")
        def Export(self, request, context, *, principal):
            return principal

    ctx = FakeContext(make(role="retailer"))
    with pytest.raises(grpc.RpcError):
        H().Export(None, ctx)
    assert ctx.aborted[0] == grpc.StatusCode.PERMISSION_DENIED


def test_expired_rejected():
    with pytest.raises(security.TokenError):
        security.verify(make(exp=int(time.time()) - 10))
