import asyncio
from unittest import mock

import pytest

from proxy import llm_pb2
from proxy.service import LlmProxyService, LogBuffer
from quota.limits import IdentityLimiter


class FakeUpstream:
    async def stream_completion(self, model, prompt, max_tokens):
        for t in ["a", "b", "c"]:
            yield t


@pytest.mark.asyncio
async def test_generate_relays_chunks():
    svc = LlmProxyService(FakeUpstream(), LogBuffer())
    out = [c async for c in svc.Generate(llm_pb2.GenerateRequest(model="m", prompt="p"), mock.Mock())]
    assert [c.text for c in out] == ["a", "b", "c"]


def test_identity_limiter_shared_across_streams():
    lim = IdentityLimiter(per_second=0.0001, burst=2)
    assert lim.allow("alice")
    assert lim.allow("alice")
    assert not lim.allow("alice")
    assert lim.allow("bob")
