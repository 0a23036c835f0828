import time

from orchid import session
from orchid.limits import GrowerLimiter


def _claims(**kw):
    base = {"sub": "grower-1", "jti": "j-1", "exp": time.time() + 60, "scope": "benches:read", "benches": ["b-1"]}
    base.update(kw)
    return base


def test_expired_session_is_invalid():
    assert not session.GrowerSession(_claims(exp=time.time() - 1)).still_valid()


def test_revoked_jti_is_invalid():
    s = session.GrowerSession(_claims(jti="j-revoked"))
    session._revoked_jti.add("j-revoked")
    assert not s.still_valid()


def test_limiter_is_per_grower():
    lim = GrowerLimiter(per_minute=2)
    assert lim.allow("a") and lim.allow("a")
    assert not lim.allow("a")
    assert lim.allow("b")
