import asyncio
import time
from unittest import mock

import pytest

from tidalgrid import session as sess
from tidalgrid.limiter import OperatorLimiter


class Ctx:
    def __init__(self):
        self.aborted = None

    async def abort(self, code, details):
        self.aborted = (code, details)
        raise RuntimeError("aborted")


@pytest.mark.asyncio
async def test_session_ends_at_expiry():
    fake = sess.Session(sub="op", jti="j", exp=time.time() + 0.05, arrays=frozenset(), scopes=frozenset())
    ctx = Ctx()
    with mock.patch.object(sess, "_verify", return_value=fake):
        with pytest.raises(RuntimeError):
            async with sess.open_session(ctx):
                await asyncio.sleep(1)
    assert ctx.aborted[1] == "token_expired"


@pytest.mark.asyncio
async def test_limiter_is_per_operator():
    lim = OperatorLimiter(2)
    assert await lim.allow("a") and await lim.allow("a")
    assert not await lim.allow("a")
    assert await lim.allow("b")
