import pytest

from haulage.common.ratelimit import TokenBucket


def test_bucket_refuses_after_burst():
    b = TokenBucket(rate_per_s=0.0, burst=2)
    assert b.take() and b.take()
    assert not b.take()


class FakeFleet:
    """Endless fake used by the simulator tests."""

    async def WatchHaulRoad(self, request, context):
        while True:
            yield object()
