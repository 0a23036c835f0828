import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from damwatch import auth
from damwatch.session import OperatorSession, _revoked_jti


@pytest.fixture()
def keypair(tmp_path, monkeypatch):
    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    path = tmp_path / "jwt.pem"
    path.write_bytes(pem)
    monkeypatch.setattr(auth, "_public_key", lambda: pem.decode())
    return key


def mint(key, **overrides):
    claims = {"sub": "op-7", "jti": "j-1", "exp": int(time.time()) + 60, "iss": "https://sso.hydro.internal",
              "aud": "damwatch", "scope": "gates:operate", "dams": ["upper-kerr"]}
    claims.update(overrides)
    return jwt.encode(claims, key, algorithm="ES256")


def test_decode_valid(keypair):
    c = auth.decode(mint(keypair))
    assert c.sub == "op-7" and "upper-kerr" in c.dams


def test_decode_rejects_expired(keypair):
    with pytest.raises(jwt.ExpiredSignatureError):
        auth.decode(mint(keypair, exp=int(time.time()) - 30))


def test_may_operate_requires_gate_of_dam(keypair):
    s = OperatorSession(auth.decode(mint(keypair)), context=None)
    assert s.may_operate("upper-kerr", "upper-kerr/G2")
    assert not s.may_operate("upper-kerr", "lower-kerr/G1")
    assert not s.may_operate("lower-kerr", "lower-kerr/G1")


class _Ctx:
    def __init__(self):
        self.aborted = None

    async def abort(self, code, details):
        self.aborted = (code, details)
        raise RuntimeError("aborted")


async def test_revoked_session_aborts(keypair):
    ctx = _Ctx()
    s = OperatorSession(auth.decode(mint(keypair, jti="j-revoked")), ctx)
    _revoked_jti.add("j-revoked")
    with pytest.raises(RuntimeError):
        await s.ensure_valid()
    assert ctx.aborted[1] == "token_revoked"
