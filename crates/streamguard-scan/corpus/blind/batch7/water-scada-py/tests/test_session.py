import asyncio
import time

import pytest

from hub.session.stream_session import StreamSession


class Aborted(Exception):
    pass


class Ctx:
    def __init__(self):
        self.status = None

    def time_remaining(self):
        return None

    async def abort(self, code, details):
        self.status = (code, details)
        raise Aborted(details)


async def endless():
    while True:
        await asyncio.sleep(0.01)
        yield 1


def test_stream_ends_at_token_expiry():
    ctx = Ctx()
    s = StreamSession(ctx, {"exp": time.time() + 0.1, "sub": "op", "jti": "j"}, asyncio.Event())

    async def run():
        async for _ in s.bounded(endless()):
            pass

    with pytest.raises(Aborted):
        asyncio.run(run())
    assert ctx.status[1] == "token_expired"


def test_remaining_defaults_without_deadline():
    s = StreamSession(Ctx(), {"exp": time.time() + 60, "sub": "op", "jti": "j"}, asyncio.Event())
    assert s.remaining(7.0) == 7.0
