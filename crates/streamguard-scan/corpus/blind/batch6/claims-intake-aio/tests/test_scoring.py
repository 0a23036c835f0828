from fraud.scoring import PeerThrottle


def test_peer_throttle_resets_each_second(monkeypatch):
    t = [100.2]
    monkeypatch.setattr("fraud.scoring.time.monotonic", lambda: t[0])
    th = PeerThrottle(per_second=2)
    assert th.allow("ipv4:10.0.0.7:5312")
    assert th.allow("ipv4:10.0.0.7:5312")
    assert not th.allow("ipv4:10.0.0.7:5312")
    t[0] = 101.0
    assert th.allow("ipv4:10.0.0.7:5312")
