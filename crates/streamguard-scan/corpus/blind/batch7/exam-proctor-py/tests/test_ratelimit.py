import time

from proctor.ratelimit import TokenBucket


def test_bucket_allows_burst_then_refuses():
    b = TokenBucket(rate=1, burst=3)
    assert [b.take() for _ in range(4)] == [True, True, True, False]


def test_bucket_refills():
    b = TokenBucket(rate=50, burst=1)
    assert b.take()
    time.sleep(0.05)
    assert b.take()
