import importlib
import time
from unittest import mock

import grpc
import jwt
import pytest


@pytest.fixture()
def security(tmp_path, monkeypatch):
    secret = tmp_path / "secret"
    secret.write_bytes(b"test-secret")
    monkeypatch.setenv("CAVE_JWT_SECRET", str(secret))
    from cavemaster import config
    importlib.reload(config)
    from cavemaster import security as sec
    return importlib.reload(sec)


class Aborted(Exception):
    pass


def _context(token):
    ctx = mock.Mock()
    ctx.invocation_metadata.return_value = [("authorization", f"Bearer {token}")]
    ctx.abort.side_effect = lambda code, msg: (_ for _ in ()).throw(Aborted(code, msg))
    return ctx


def _token(**over):
    claims = {"sub": "aff-2", "jti": "t1", "aud": "cavemaster", "exp": int(time.time()) + 60, "roles": ["affineur"]}
    claims.update(over)
    return jwt.encode(claims, b"test-secret", algorithm="HS256")


def test_role_required(security):
    @security.require_role("cave:read")
    def handler(self, req, ctx, claims):
        return claims

    with pytest.raises(Aborted) as exc:
        handler(None, None, _context(_token()))
    assert exc.value.args[0] == grpc.StatusCode.PERMISSION_DENIED


def test_revoked_subject(security):
    security._revoked.add("sub:aff-2")
    assert not security.still_valid({"sub": "aff-2", "jti": "x", "exp": time.time() + 60})
    security._revoked.clear()
    assert security.still_valid({"sub": "aff-2", "jti": "x", "exp": time.time() + 60})
