"""Client for the haul-cycle planner (HTTP/JSON)."""
from __future__ import annotations

import aiohttp

from haulage.common.settings import settings

_PLANNER_TIMEOUT = aiohttp.ClientTimeout(total=5)


class PlannerClient:
    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def next_action(self, telemetry: dict) -> dict | None:
        async with self._session.post(f"{settings.planner_url}/v1/next-action", json=telemetry,
                                      timeout=_PLANNER_TIMEOUT) as resp:
            if resp.status == 204:
                return None
            resp.raise_for_status()
            return await resp.json()


class Archive:
    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def put_cycle(self, truck_id: str, payload: dict) -> None:
        async with self._session.post(f"{settings.archive_url}/cycles/{truck_id}", json=payload) as resp:
            resp.raise_for_status()
