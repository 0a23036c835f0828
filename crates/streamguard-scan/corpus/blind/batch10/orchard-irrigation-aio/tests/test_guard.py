import asyncio
import time

import grpc
import pytest

from irrigation_controller import config, revocation
from irrigation_controller.guard import GrowerGuard
from irrigation_controller.tokens import Grower


class Ctx:
    def __init__(self):
        self.aborted = None

    async def abort(self, code, details):
        self.aborted = (code, details)
        raise grpc.aio.AbortError()


def grower(exp_in=3600):
    return Grower(sub="g-1", jti="j-1", exp=time.time() + exp_in, blocks=frozenset({"B7"}), meters=frozenset())


async def test_expiry_aborts_with_token_expired():
    ctx = Ctx()
    with pytest.raises(grpc.aio.AbortError):
        async with GrowerGuard(ctx, grower(exp_in=0.05)):
            await asyncio.sleep(5)
    assert ctx.aborted == (grpc.StatusCode.UNAUTHENTICATED, "token_expired")


async def test_revocation_aborts_with_token_revoked():
    ctx = Ctx()

    async def revoke_soon():
        await asyncio.sleep(0.05)
        for ev in list(revocation._events["jti:j-1"]):
            ev.set()

    asyncio.create_task(revoke_soon())
    with pytest.raises(grpc.aio.AbortError):
        async with GrowerGuard(ctx, grower()):
            await asyncio.sleep(5)
    assert ctx.aborted[1] == "token_revoked"


async def test_lifetime_cap(monkeypatch):
    monkeypatch.setattr(config, "MAX_STREAM_LIFETIME_S", 0.05)
    ctx = Ctx()
    with pytest.raises(grpc.aio.AbortError):
        async with GrowerGuard(ctx, grower()):
            await asyncio.sleep(5)
    assert ctx.aborted[1] == "max_stream_lifetime"
