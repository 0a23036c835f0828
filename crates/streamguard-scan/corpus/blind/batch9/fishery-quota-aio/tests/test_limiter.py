from quota.server.limiter import VesselLimiter


def test_limit_is_per_vessel_across_streams():
    lim = VesselLimiter(per_minute=2)
    assert lim.allow("v1") and lim.allow("v1")
    assert not lim.allow("v1")
    assert lim.allow("v2")
