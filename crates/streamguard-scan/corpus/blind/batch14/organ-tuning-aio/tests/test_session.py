import asyncio

import pytest

from organ_tuning.session import Revocations, Voicer


def voicer(sub="v1", jti="t1"):
    return Voicer(sub=sub, jti=jti, exp=0, scopes=frozenset(), organs=frozenset())


@pytest.mark.asyncio
async def test_push_wakes_watcher_by_sub():
    r = Revocations()
    ev = r.watch(voicer())
    r.push("sub:v1")
    await asyncio.wait_for(ev.wait(), 0.1)


@pytest.mark.asyncio
async def test_already_revoked_is_set_immediately():
    r = Revocations()
    r.push("jti:t1")
    assert r.watch(voicer()).is_set()


@pytest.mark.asyncio
async def test_forget_stops_notifications():
    r = Revocations()
    v = voicer()
    ev = r.watch(v)
    r.forget(v, ev)
    r.push("sub:v1")
    assert not ev.is_set()
