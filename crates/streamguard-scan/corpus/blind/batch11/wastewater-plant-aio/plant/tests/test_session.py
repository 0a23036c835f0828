import asyncio
import time

import grpc
import pytest

from plant import session


class Ctx:
    def __init__(self, token):
        self.md = (("authorization", f"Bearer {token}"),)
        self.aborted = None

    def invocation_metadata(self):
        return self.md

    def time_remaining(self):
        return None

    async def abort(self, code, details):
        self.aborted = (code, details)
        raise grpc.aio.AbortError()


def test_may_dose():
    s = session.Session(sub="op1", jti="j", exp=time.time() + 60, scopes=frozenset({"dosing:write"}),
                        pumps=frozenset({"P-NAOH-1"}))
    assert s.may_dose("P-NAOH-1")
    assert not s.may_dose("P-FECL3-1")


def test_remaining_capped_by_exp():
    s = session.Session(sub="op1", jti="j", exp=time.time() + 3, scopes=frozenset(), pumps=frozenset())
    assert 0 < s.remaining(Ctx("x")) <= 3


@pytest.mark.asyncio
async def test_bad_token_aborts(monkeypatch):
    monkeypatch.setattr(session, "_public_key", lambda: "not-a-key")
    ctx = Ctx("garbage")
    with pytest.raises(grpc.aio.AbortError):
        async with session.open_session(ctx, scope="basins:read"):
            pass
    assert ctx.aborted[0] == grpc.StatusCode.UNAUTHENTICATED
