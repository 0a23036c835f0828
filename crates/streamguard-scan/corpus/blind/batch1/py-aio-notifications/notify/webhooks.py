from __future__ import annotations

import logging

import aiohttp

log = logging.getLogger(__name__)

WEBHOOK_TIMEOUT = aiohttp.ClientTimeout(total=15)


async def deliver(session: aiohttp.ClientSession, url: str, payload: dict) -> bool:
    try:
        async with session.post(url, json=payload, timeout=WEBHOOK_TIMEOUT) as resp:
            return 200 <= resp.status < 300
    except aiohttp.ClientError as exc:
        log.warning("webhook %s failed: %s", url, exc)
        return False
