import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

from hived import auth
from hived.settings import settings


@pytest.fixture
def keys():
    priv = Ed25519PrivateKey.generate()
    pub = priv.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return priv, pub.decode()


def token(priv, **over):
    claims = {"sub": "gw-12", "kind": "gateway", "apiaries": ["a-1"], "iss": settings.jwt_issuer,
              "aud": settings.jwt_audience, "exp": int(time.time()) + 60}
    claims.update(over)
    return jwt.encode(claims, priv, algorithm="EdDSA")


def test_decode_ok(keys):
    priv, pub = keys
    p = auth.decode(token(priv), pub)
    assert p.kind == "gateway" and p.apiaries == frozenset({"a-1"})


def test_expired(keys):
    priv, pub = keys
    with pytest.raises(jwt.ExpiredSignatureError):
        auth.decode(token(priv, exp=int(time.time()) - 30), pub)


def test_wrong_audience(keys):
    priv, pub = keys
    with pytest.raises(jwt.InvalidAudienceError):
        auth.decode(token(priv, aud="other"), pub)
