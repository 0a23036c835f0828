import time

import pytest

from alerts_hub.tokens import Verifier


class FakeRevocations:
    def __init__(self, jtis=()):
        self.jtis = set(jtis)

    def revoked(self, jti):
        return jti in self.jtis


class Aborted(Exception):
    pass


class FakeContext:
    def abort(self, code, details):
        raise Aborted(code, details)


def test_expired_claims_end_the_stream():
    v = Verifier("k", "alerts-hub", FakeRevocations())
    with pytest.raises(Aborted):
        v.ensure_live({"exp": time.time() - 5, "jti": "j"}, FakeContext())


def test_revoked_jti_ends_the_stream():
    v = Verifier("k", "alerts-hub", FakeRevocations({"j"}))
    with pytest.raises(Aborted):
        v.ensure_live({"exp": time.time() + 60, "jti": "j"}, FakeContext())
