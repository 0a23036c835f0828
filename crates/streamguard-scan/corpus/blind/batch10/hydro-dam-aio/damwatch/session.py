"""Operator sessions: token expiry and pushed revocations, checked on every gate command."""
import asyncio
import json
import logging
import time

import grpc
import redis.asyncio as aioredis

from .auth import Claims
from .config import settings

log = logging.getLogger(__name__)

_revoked_jti: set[str] = set()
_revoked_sub: set[str] = set()


async def follow_revocations() -> None:
    """Background task: the SSO publishes revocations on Redis; keep a local set current."""
    r = aioredis.from_url(settings.redis_url)
    async with r.pubsub() as ps:
        await ps.subscribe("sso:revocations")
        async for msg in ps.listen():
            if msg.get("type") != "message":
                continue
            body = json.loads(msg["data"])
            if body.get("jti"):
                _revoked_jti.add(body["jti"])
            if body.get("sub"):
                _revoked_sub.add(body["sub"])
            log.info("revocation received: %s", body)


class OperatorSession:
    def __init__(self, claims: Claims, context: grpc.aio.ServicerContext):
        self.claims = claims
        self.context = context

    async def ensure_valid(self) -> None:
        if time.time() >= self.claims.exp:
            await self.context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
        if self.claims.jti in _revoked_jti or self.claims.sub in _revoked_sub:
            await self.context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")

    def may_operate(self, dam_id: str, gate_id: str) -> bool:
        return "gates:operate" in self.claims.scopes and dam_id in self.claims.dams and gate_id.startswith(f"{dam_id}/")
