import asyncio
import time
from types import SimpleNamespace

import grpc
import pytest

from kilnworks import session as session_mod
from kilnworks.revocations import Revocations
from kilnworks.tokens import Potter


class Abort(Exception):
    pass


class Ctx:
    def __init__(self):
        self.aborted = None

    def invocation_metadata(self):
        return (("authorization", "Bearer t"),)

    def time_remaining(self):
        return None

    async def abort(self, code, details):
        self.aborted = (code, details)
        raise Abort(details)


class Limits:
    async def enter(self, sub, ctx): pass
    async def leave(self, sub): pass


def deps(exp_in):
    potter = Potter("p1", "j1", time.time() + exp_in, frozenset({"K1"}), frozenset())
    return SimpleNamespace(
        verifier=SimpleNamespace(verify=lambda t: potter), revocations=Revocations(), limits=Limits()
    ), potter


@pytest.mark.asyncio
async def test_stream_ends_at_expiry():
    d, _ = deps(0.05)
    ctx = Ctx()
    with pytest.raises(Abort):
        async with session_mod.open_session(ctx, d):
            await asyncio.sleep(5)
    assert ctx.aborted == (grpc.StatusCode.UNAUTHENTICATED, "token_expired")


@pytest.mark.asyncio
async def test_stream_ends_on_pushed_revocation():
    d, potter = deps(600)
    ctx = Ctx()

    async def revoke_soon():
        await asyncio.sleep(0.05)
        await d.revocations._on_msg(SimpleNamespace(data=b"sub:p1"))

    asyncio.create_task(revoke_soon())
    with pytest.raises(Abort):
        async with session_mod.open_session(ctx, d):
            await asyncio.sleep(5)
    assert ctx.aborted == (grpc.StatusCode.PERMISSION_DENIED, "token_revoked")


class EndlessFakeKilns:
    """Fake kiln stream for client tests: pushes readings forever, no auth."""

    async def WatchKiln(self, request, context):
        while True:
            yield SimpleNamespace(kiln_id=request.kiln_id, temp_c=1220.0)
            await asyncio.sleep(0.01)
