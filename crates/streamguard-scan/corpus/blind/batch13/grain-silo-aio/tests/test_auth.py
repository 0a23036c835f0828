import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives import serialization

from silo_monitor import auth


@pytest.fixture()
def keypair(monkeypatch):
    key = ec.generate_private_key(ec.SECP256R1())
    pub = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    monkeypatch.setattr(auth, "_PUBLIC_KEY", pub)
    return key


def _token(key, **extra):
    claims = {"sub": "probe-S03-A", "iss": auth.ISSUER, "aud": auth.AUDIENCE, "exp": int(time.time()) + 300}
    claims.update(extra)
    return jwt.encode(claims, key, algorithm="ES256")


def test_decode_probe_token(keypair):
    p = auth.decode(_token(keypair, kind="probe", silos=["S03"]))
    assert p.kind == "probe"
    assert p.silos == frozenset({"S03"})


def test_expired_token_rejected(keypair):
    with pytest.raises(jwt.ExpiredSignatureError):
        auth.decode(_token(keypair, exp=int(time.time()) - 10))


def test_wrong_audience_rejected(keypair):
    with pytest.raises(jwt.InvalidAudienceError):
        auth.decode(_token(keypair, aud="someone-else"))
