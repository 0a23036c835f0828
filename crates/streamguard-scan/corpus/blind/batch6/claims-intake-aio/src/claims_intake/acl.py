"""Which adjuster may act on which claim."""
from __future__ import annotations

import redis.asyncio as redis

from claims_intake.principal import Principal


class ClaimAcl:
    def __init__(self, r: redis.Redis):
        self._r = r

    async def can_act(self, p: Principal, claim_id: str) -> bool:
        if p.kind != "adjuster":
            return False
        assigned = await self._r.hget(f"claim:{claim_id}", "adjuster")
        return assigned is not None and assigned.decode() == p.sub

    async def can_view(self, p: Principal, claim_id: str) -> bool:
        owner = await self._r.hget(f"claim:{claim_id}", "policyholder")
        if owner is not None and owner.decode() == p.sub:
            return True
        return await self.can_act(p, claim_id)
