from __future__ import annotations

import os

import aiohttp
import asyncpg

_pool: asyncpg.Pool | None = None
_http: aiohttp.ClientSession | None = None

MODEL_URL = os.environ.get("MELT_MODEL_URL", "http://melt-model.base.lan:8000")


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(os.environ["GLACIER_DSN"], max_size=8)
    return _pool


async def melt_rate(glacier_id: str, timeout_s: float) -> dict:
    global _http
    _http = _http or aiohttp.ClientSession()
    async with _http.get(f"{MODEL_URL}/glaciers/{glacier_id}/melt",
                         timeout=aiohttp.ClientTimeout(total=timeout_s)) as r:
        r.raise_for_status()
        return await r.json()


async def directive_for(station_id: str, timeout_s: float) -> dict | None:
    db = await pool()
    row = await db.fetchrow("SELECT sample_interval_s, heater_on, note FROM directives WHERE station_id=$1 AND NOT delivered",
                            station_id, timeout=timeout_s)
    return dict(row) if row else None
