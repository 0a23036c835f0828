import asyncio

import pytest

from glacierd.session import Claims, RevocationFeed


def _claims(**kw):
    base = dict(sub="fieldteam-3", jti="j-1", exp=0.0, stations=frozenset(), glaciers=frozenset())
    base.update(kw)
    return Claims(**base)


async def test_watch_is_set_for_already_revoked_subject():
    feed = RevocationFeed()
    feed.revoked.add("sub:fieldteam-3")
    e = feed.watch(_claims())
    assert e.is_set()


async def test_unwatch_removes_waiter():
    feed = RevocationFeed()
    c = _claims()
    e = feed.watch(c)
    feed.unwatch(c, e)
    assert all(e not in s for s in feed._waiters.values())


async def test_pushed_revocation_wakes_waiter():
    feed = RevocationFeed()
    c = _claims(jti="j-9")
    e = feed.watch(c)
    for w in feed._waiters["jti:j-9"]:
        w.set()
    await asyncio.wait_for(e.wait(), 0.1)
