import time

import grpc
import pytest

from transhub.gen import translate_pb2
from transhub.hub import servicer as sv
from transhub.hub.auth import Linguist, current_linguist


class Abort(Exception):
    pass


class Ctx:
    def __init__(self):
        self.code = None

    async def abort(self, code, details):
        self.code = code
        raise Abort(details)

    def time_remaining(self):
        return 3.0


class FakeMemory:
    def __init__(self):
        self.queries = []

    async def fuzzy(self, project_id, sl, tl, text, timeout):
        self.queries.append((project_id, timeout))
        return ("Hallo", 0.92)


async def _aiter(items):
    for i in items:
        yield i


@pytest.mark.asyncio
async def test_lookup_on_unassigned_project_is_denied_and_not_queried():
    current_linguist.set(Linguist(sub="l-1", jti="j", exp=time.time() + 60, projects=frozenset({"P1"}), roles=frozenset()))
    mem = FakeMemory()
    s = sv.TranslationServicer(mem, engine=None)
    out = [m async for m in s.LookupMemory(_aiter([translate_pb2.MemoryQuery(query_id="q", project_id="P2", text="Hello")]), Ctx())]
    assert out[0].error == "PERMISSION_DENIED"
    assert mem.queries == []


@pytest.mark.asyncio
async def test_lookup_carries_the_callers_remaining_time():
    current_linguist.set(Linguist(sub="l-1", jti="j", exp=time.time() + 60, projects=frozenset({"P1"}), roles=frozenset()))
    mem = FakeMemory()
    s = sv.TranslationServicer(mem, engine=None)
    [m async for m in s.LookupMemory(_aiter([translate_pb2.MemoryQuery(query_id="q", project_id="P1", text="Hello")]), Ctx())]
    assert mem.queries == [("P1", 3.0)]


@pytest.mark.asyncio
async def test_expired_token_ends_lookup_stream():
    current_linguist.set(Linguist(sub="l-1", jti="j", exp=time.time() - 1, projects=frozenset({"P1"}), roles=frozenset()))
    ctx = Ctx()
    s = sv.TranslationServicer(FakeMemory(), engine=None)
    with pytest.raises(Abort):
        [m async for m in s.LookupMemory(_aiter([translate_pb2.MemoryQuery(query_id="q", project_id="P1")]), ctx)]
    assert ctx.code == grpc.StatusCode.UNAUTHENTICATED
