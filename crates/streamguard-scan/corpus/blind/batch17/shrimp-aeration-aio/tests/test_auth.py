import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from pondd import auth


@pytest.fixture()
def keypair(monkeypatch):
    priv = ec.generate_private_key(ec.SECP256R1())
    pub = priv.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    monkeypatch.setattr(auth, "_PUBLIC_KEY", pub)
    return priv


def _token(priv, **claims):
    base = {"sub": "tech-4", "aud": "pond-ops", "iss": "https://sso.bluewater-shrimp.example",
            "exp": int(time.time()) + 300}
    base.update(claims)
    return jwt.encode(base, priv, algorithm="ES256")


def test_valid_token(keypair):
    assert auth.verify(_token(keypair))["sub"] == "tech-4"


def test_expired_token_rejected(keypair):
    with pytest.raises(jwt.ExpiredSignatureError):
        auth.verify(_token(keypair, exp=int(time.time()) - 60))


def test_may_operate_needs_pond_and_scope():
    claims = {"scope": "aerators:write", "ponds": ["p-1"]}
    assert auth.may_operate(claims, "p-1")
    assert not auth.may_operate(claims, "p-2")
    assert not auth.may_operate({"scope": "ponds:read", "ponds": ["p-1"]}, "p-1")
