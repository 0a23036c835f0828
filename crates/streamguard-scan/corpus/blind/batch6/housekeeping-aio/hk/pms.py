"""Client of the property management system (Opera-compatible REST facade)."""
from __future__ import annotations

import os

import httpx

PMS_URL = os.environ.get("PMS_URL", "https://pms-facade.alderfinch.internal")


class Pms:
    def __init__(self):
        self._http = httpx.AsyncClient(base_url=PMS_URL)

    async def set_room_status(self, property_id: str, room: str, status: str, *, timeout: float) -> dict:
        r = await self._http.put(f"/properties/{property_id}/rooms/{room}/hk-status", json={"status": status}, timeout=timeout)
        r.raise_for_status()
        return r.json()

    async def post_minibar(self, property_id: str, room: str, items: list[str], *, timeout: float) -> None:
        r = await self._http.post(f"/properties/{property_id}/rooms/{room}/charges", json={"minibar": items}, timeout=timeout)
        r.raise_for_status()

    async def day_history(self, property_id: str, date: str) -> list[dict]:
        # The audit endpoint scans the whole day; the facade needs up to half a minute.
        r = await self._http.get(f"/properties/{property_id}/hk-history", params={"date": date}, timeout=30.0)
        r.raise_for_status()
        return r.json()["records"]
