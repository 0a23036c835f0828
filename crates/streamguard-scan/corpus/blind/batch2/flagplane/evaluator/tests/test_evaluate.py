import asyncio
import json
from unittest import mock

import pytest

from evaluator import flags_pb2
from evaluator.app import EvaluatorServicer, evaluate
from evaluator.auth import principal


def test_rule_match():
    rules = json.dumps({"rules": [{"attr": "country", "op": "in", "value": ["DE", "AT"], "variant": "on"}], "default": "off"})
    assert evaluate(rules, {"country": "DE"}) == ("on", "RULE_MATCH")
    assert evaluate(rules, {"country": "FR"}) == ("off", "DEFAULT")


@pytest.mark.asyncio
async def test_stream_denies_foreign_project():
    rules_stub = mock.AsyncMock()
    rules_stub.GetRules.return_value = flags_pb2.RuleSet(flag_key="k", rules_json="{}")
    svc = EvaluatorServicer(rules_stub, http=mock.Mock())
    principal.set({"sub": "svc-a", "projects": ["web"]})

    async def requests():
        yield flags_pb2.EvalRequest(request_id="1", project="web", flag_key="k")
        yield flags_pb2.EvalRequest(request_id="2", project="billing", flag_key="k")

    ctx = mock.AsyncMock()
    ctx.time_remaining = mock.Mock(return_value=5.0)
    out = [r async for r in svc.EvaluateStream(requests(), ctx)]
    assert out[0].variant == "off"
    assert out[1].error.startswith("PERMISSION_DENIED")
