import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from irrigation import auth


@pytest.fixture
def keypair(tmp_path, monkeypatch):
    key = ec.generate_private_key(ec.SECP256R1())
    pub = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    path = tmp_path / "jwt.pub"
    path.write_bytes(pub)
    monkeypatch.setattr(auth, "_key", lambda: pub.decode())
    return key


def _token(key, **claims):
    base = {"sub": "grower-7", "iss": "https://auth.hopfarm.example", "aud": "irrigation", "exp": int(time.time()) + 60}
    base.update(claims)
    return jwt.encode(base, key, algorithm="ES256")


def test_verify_reads_blocks(keypair):
    user = auth.verify(_token(keypair, blocks=["b-12", "b-13"], roles=["irrigator"]))
    assert user.blocks == {"b-12", "b-13"}
    assert "irrigator" in user.roles


def test_expired_token_is_refused(keypair):
    with pytest.raises(jwt.ExpiredSignatureError):
        auth.verify(_token(keypair, exp=int(time.time()) - 30))


class FakeContext:
    def time_remaining(self):
        return None


async def fake_watch_moisture(request, context):
    # endless generator used by the dashboard's snapshot tests
    n = 0
    while True:
        n += 1
        yield n
