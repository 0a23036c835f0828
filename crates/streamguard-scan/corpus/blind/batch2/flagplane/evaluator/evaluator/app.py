import asyncio
import json
import logging
import os

import aiohttp
import grpc

from evaluator import flags_pb2, flags_pb2_grpc
from evaluator.auth import TokenAuthInterceptor, principal
from evaluator.limits import SlidingWindow
from evaluator.segments import fetch_pages

log = logging.getLogger("evaluator")


def evaluate(rules_json: str, ctx: dict) -> tuple[str, str]:
    rules = json.loads(rules_json or "{}")
    for rule in rules.get("rules", []):
        attr, op, value = rule["attr"], rule["op"], rule["value"]
        actual = ctx.get(attr)
        if (op == "eq" and actual == value) or (op == "in" and actual in value):
            return rule["variant"], "RULE_MATCH"
    return rules.get("default", "off"), "DEFAULT"


class EvaluatorServicer(flags_pb2_grpc.EvaluatorServicer):
    def __init__(self, rules_stub, http: aiohttp.ClientSession):
        self._rules = rules_stub
        self._http = http
        self._budget = SlidingWindow(limit=2000, window_s=1.0)

    async def EvaluateStream(self, request_iterator, context):
        claims = principal.get()
        projects = set(claims.get("projects", []))
        async for req in request_iterator:
            if req.project not in projects:
                yield flags_pb2.EvalResult(request_id=req.request_id, error="PERMISSION_DENIED: project not in token")
                continue
            if not self._budget.allow(claims["sub"]):
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "evaluation budget exceeded")
            rules = await self._rules.GetRules(
                flags_pb2.GetRulesRequest(project=req.project, flag_key=req.flag_key),
                timeout=context.time_remaining(),
            )
            variant, reason = evaluate(rules.rules_json, json.loads(req.context_json or "{}"))
            yield flags_pb2.EvalResult(request_id=req.request_id, variant=variant, reason=reason)

    async def SyncSegments(self, request, context):
        claims = principal.get()
        if request.project not in set(claims.get("projects", [])):
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "project not in token")

        pages: asyncio.Queue = asyncio.Queue(maxsize=4)

        async def prefetch():
            async for segs in fetch_pages(self._http, request.project):
                await pages.put(segs)
            await pages.put(None)

        asyncio.create_task(prefetch())
        while True:
            segs = await pages.get()
            if segs is None:
                return
            for s in segs:
                yield flags_pb2.Segment(id=s["id"], members=s.get("members", []))


async def serve() -> None:
    rules_channel = grpc.aio.insecure_channel(os.environ.get("RULES_ADDR", "rules.flagplane.svc:9000"))
    http = aiohttp.ClientSession()
    server = grpc.aio.server(
        interceptors=[TokenAuthInterceptor()],
        options=[("grpc.max_connection_age_ms", 10 * 60 * 1000)],
    )
    flags_pb2_grpc.add_EvaluatorServicer_to_server(
        EvaluatorServicer(flags_pb2_grpc.RulesStub(rules_channel), http), server
    )
    server.add_insecure_port(os.environ.get("EVALUATOR_LISTEN", "[::]:8014"))
    await server.start()
    try:
        await server.wait_for_termination()
    finally:
        await http.close()
        await rules_channel.close()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
