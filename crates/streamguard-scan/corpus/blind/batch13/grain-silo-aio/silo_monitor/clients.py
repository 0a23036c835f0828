"""Downstream services used by the silo monitor."""
from __future__ import annotations

import asyncio
import logging
import os

import aiohttp
import asyncpg

log = logging.getLogger(__name__)

WEATHER_URL = os.environ.get("WEATHER_URL", "https://api.agweather.example/v3/current")
HOTSPOT_WEBHOOK = os.environ.get("HOTSPOT_WEBHOOK", "https://alerts.coop-elevators.example/hooks/hotspot")

_pool: asyncpg.Pool | None = None
_http: aiohttp.ClientSession | None = None


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(os.environ["SILO_DB_DSN"], min_size=2, max_size=16)
    return _pool


def http() -> aiohttp.ClientSession:
    global _http
    if _http is None:
        _http = aiohttp.ClientSession()
    return _http


async def ambient(site: str) -> dict:
    async with http().get(
        WEATHER_URL, params={"site": site}, timeout=aiohttp.ClientTimeout(total=10)
    ) as resp:
        resp.raise_for_status()
        return await resp.json()


async def notify_hotspot(silo_id: str, cable_id: str, temp_c: float) -> None:
    """Pages the site manager. Retries for up to ten minutes: a missed
    hotspot page can cost a silo."""
    body = {"silo": silo_id, "cable": cable_id, "temp_c": temp_c}
    for attempt in range(20):
        try:
            async with http().post(HOTSPOT_WEBHOOK, json=body) as resp:
                if resp.status < 500:
                    return
        except aiohttp.ClientError as exc:
            log.warning("hotspot page failed (%s), attempt %d", exc, attempt)
        await asyncio.sleep(30)
