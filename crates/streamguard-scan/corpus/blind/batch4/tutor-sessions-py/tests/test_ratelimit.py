from tutor.ratelimit import TokenBucket


def test_bucket_allows_burst_then_refuses():
    b = TokenBucket(rate=1, burst=3)
    assert [b.allow() for _ in range(4)] == [True, True, True, False]
