import asyncio

from quota.server.revocation import RevocationHub


def test_watch_event_fires_on_revocation():
    hub = RevocationHub()
    ev = hub.watch("j1", "vessel-7")

    class Msg:
        data = b'{"sub": "vessel-7"}'

    asyncio.run(hub._on_msg(Msg()))
    assert ev.is_set()
    assert hub.is_revoked("other", "vessel-7")
