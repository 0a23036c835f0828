import asyncio
import time

import grpc
import pytest

from tolling.common.tokens import Caller
from tolling.gantryd import session as gs


class Ctx:
    def __init__(self):
        self.status = None

    def time_remaining(self):
        return None

    async def abort(self, code, details):
        self.status = (code, details)
        raise RuntimeError(details)


@pytest.mark.asyncio
async def test_revocation_ends_the_stream_with_permission_denied():
    caller = Caller(sub="officer-7", jti="j-7", exp=time.time() + 600, kind="officer", regions=frozenset({"N"}))
    ctx = Ctx()

    async def handler():
        async with gs.GantrySession(ctx, caller):
            await asyncio.sleep(10)

    task = asyncio.create_task(handler())
    await asyncio.sleep(0.05)
    gs.hub.revoke("jti:j-7")
    with pytest.raises(RuntimeError):
        await task
    assert ctx.status == (grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
