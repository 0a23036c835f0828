from __future__ import annotations

import os
from collections import defaultdict

import grpc
import jwt

from proxy import llm_pb2, llm_pb2_grpc
from quota.limits import CONSUME_LIMITER

_SECRET = os.environ.get("QUOTA_JWT_SECRET", "")


def _claims(context: grpc.aio.ServicerContext) -> dict | None:
    md = dict(context.invocation_metadata() or ())
    raw = md.get("authorization", "")
    if not raw.startswith("Bearer "):
        return None
    try:
        return jwt.decode(raw[7:], _SECRET, algorithms=["HS256"], audience="quota", options={"require": ["exp", "sub", "tenant"]})
    except jwt.PyJWTError:
        return None


class QuotaService(llm_pb2_grpc.QuotaServicer):
    def __init__(self) -> None:
        self._used: dict[str, int] = defaultdict(int)
        self._limit = int(os.environ.get("TENANT_TOKEN_BUDGET", "1000000"))

    async def Consume(self, request_iterator, context: grpc.aio.ServicerContext):
        claims = _claims(context)
        if claims is None:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "invalid token")
        async for req in request_iterator:
            if not CONSUME_LIMITER.allow(claims["sub"]):
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
            if req.tenant != claims["tenant"]:
                yield llm_pb2.ConsumeReply(request_id=req.request_id, granted=False, reason="foreign tenant")
                continue
            used = self._used[req.tenant] + req.tokens
            if used > self._limit:
                yield llm_pb2.ConsumeReply(request_id=req.request_id, granted=False, reason="budget exhausted")
                continue
            self._used[req.tenant] = used
            yield llm_pb2.ConsumeReply(request_id=req.request_id, granted=True, remaining=self._limit - used)

    async def Balance(self, request, context):
        claims = _claims(context)
        if claims is None or claims["tenant"] != request.tenant:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "denied")
        return llm_pb2.BalanceReply(used=self._used[request.tenant], limit=self._limit)
