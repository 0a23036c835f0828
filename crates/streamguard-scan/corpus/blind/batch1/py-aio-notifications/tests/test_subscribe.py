import asyncio

import pytest

from notify.bus import Bus


@pytest.mark.asyncio
async def test_listen_receives_published_events():
    bus = Bus()
    key = object()
    async with bus.listen(key, ["a"]) as q:
        bus.publish("a", "t", "b")
        ev = await asyncio.wait_for(q.get(), 1)
        assert ev.topic == "a"
    assert bus.subscriber_count() == 0


@pytest.mark.asyncio
async def test_other_topics_are_not_delivered():
    bus = Bus()
    async with bus.listen(object(), ["a"]) as q:
        bus.publish("b", "t", "b")
        assert q.empty()
