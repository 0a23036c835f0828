import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from frostwatch import auth


@pytest.fixture()
def keypair(tmp_path, monkeypatch):
    priv = ec.generate_private_key(ec.SECP256R1())
    pem = priv.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    monkeypatch.setattr(auth, "_PUBLIC_KEY", pem)
    return priv


def _token(priv, **over):
    claims = {"sub": "grower-4", "aud": "frostwatch", "iss": "https://sso.estate.example",
              "exp": int(time.time()) + 60, "blocks": ["B7"], "scope": "fans:operate"}
    claims.update(over)
    return jwt.encode(claims, priv, algorithm="ES256")


def test_verify_ok(keypair):
    g = auth.verify(_token(keypair))
    assert g.sub == "grower-4"
    assert "B7" in g.blocks
    assert "fans:operate" in g.scopes


def test_expired(keypair):
    with pytest.raises(jwt.ExpiredSignatureError):
        auth.verify(_token(keypair, exp=int(time.time()) - 30))


def test_wrong_audience(keypair):
    with pytest.raises(jwt.InvalidAudienceError):
        auth.verify(_token(keypair, aud="cellar"))
