import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from beacond.auth import verify


@pytest.fixture(scope="module")
def keys():
    priv = ec.generate_private_key(ec.SECP256R1())
    pub = priv.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()
    return priv, pub


def token(priv, **over):
    claims = {
        "sub": "keeper-11",
        "iss": "https://idp.lighthouses.example",
        "aud": "beacond",
        "exp": int(time.time()) + 300,
        "stations": ["LH-ROCKALL", "LH-SKERRY"],
        "scope": "beacon:read beacon:operate",
    }
    claims.update(over)
    return jwt.encode(claims, priv, algorithm="ES256")


def test_valid_token(keys):
    priv, pub = keys
    k = verify(token(priv), pub)
    assert k.sub == "keeper-11"
    assert "LH-SKERRY" in k.stations
    assert "beacon:operate" in k.scopes


def test_expired_token(keys):
    priv, pub = keys
    with pytest.raises(jwt.ExpiredSignatureError):
        verify(token(priv, exp=int(time.time()) - 60), pub)


def test_wrong_audience(keys):
    priv, pub = keys
    with pytest.raises(jwt.InvalidAudienceError):
        verify(token(priv, aud="someone-else"), pub)
