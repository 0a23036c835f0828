import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

KEY = ec.generate_private_key(ec.SECP256R1())


@pytest.fixture(autouse=True)
def _key(tmp_path, monkeypatch):
    pem = KEY.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    path = tmp_path / "jwt.pem"
    path.write_bytes(pem)
    monkeypatch.setenv("SLOPEWATCH_JWT_KEY", str(path))


def _token(**over):
    claims = {"sub": "p-12", "iss": "https://sso.patrol.example", "aud": "slopewatch", "exp": int(time.time()) + 300,
              "zones": ["Z3"], "roles": ["blaster"]}
    claims.update(over)
    return jwt.encode(claims, KEY, algorithm="ES256")


def test_verify_ok():
    from slopewatch import auth

    p = auth.verify(_token())
    assert p.sub == "p-12"
    assert "Z3" in p.zones


def test_verify_expired():
    from slopewatch import auth

    with pytest.raises(jwt.ExpiredSignatureError):
        auth.verify(_token(exp=int(time.time()) - 60))


def test_verify_wrong_audience():
    from slopewatch import auth

    with pytest.raises(jwt.InvalidAudienceError):
        auth.verify(_token(aud="other"))
