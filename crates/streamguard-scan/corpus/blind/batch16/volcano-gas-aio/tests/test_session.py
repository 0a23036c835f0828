import asyncio
import time

import pytest

from gasnet.session import Claims, RevocationHub


@pytest.mark.asyncio
async def test_revocation_sets_event_by_sub():
    hub = RevocationHub()
    claims = Claims("station-7", "j-1", time.time() + 600, frozenset(), "st7")
    ev = hub.watch(claims)

    class Msg:
        data = b'{"sub": "station-7"}'

    await hub._on_msg(Msg())
    assert ev.is_set()
    hub.unwatch(claims, ev)


@pytest.mark.asyncio
async def test_unrelated_revocation_ignored():
    hub = RevocationHub()
    ev = hub.watch(Claims("a", "j-a", time.time() + 60, frozenset(), None))

    class Msg:
        data = b'{"jti": "j-b"}'

    await hub._on_msg(Msg())
    await asyncio.sleep(0)
    assert not ev.is_set()
