import asyncio

import pytest

from claims_intake.events import ClaimEvents
from claims_intake.limits import SlidingWindow


def test_sliding_window_is_per_subject():
    w = SlidingWindow(limit=2, window_s=60)
    assert w.allow("adj-1")
    assert w.allow("adj-1")
    assert not w.allow("adj-1")
    assert w.allow("adj-2")


@pytest.mark.asyncio
async def test_claim_events_fan_out_and_unsubscribe():
    ev = ClaimEvents()
    q1 = ev.subscribe("C-1")
    q2 = ev.subscribe("C-1")
    ev.publish("C-1", "ASSESSING", "adjuster assigned", 1)
    assert (await asyncio.wait_for(q1.get(), 1))[0] == "ASSESSING"
    assert (await asyncio.wait_for(q2.get(), 1))[0] == "ASSESSING"
    ev.unsubscribe("C-1", q1)
    ev.unsubscribe("C-1", q2)
    ev.publish("C-1", "CLOSED", "", 2)
    assert q1.empty()
