from gridops.common.limits import WindowLimiter
from gridops.meters import auth


def test_window_limiter_is_per_key():
    lim = WindowLimiter(limit=2, window_s=60)
    assert lim.allow("agg-1") and lim.allow("agg-1")
    assert not lim.allow("agg-1")
    assert lim.allow("agg-2")


def test_malformed_headend_token_is_rejected():
    assert auth.verify("not-a-token") is None
