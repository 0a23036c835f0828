from __future__ import annotations

import logging

import aiohttp

log = logging.getLogger(__name__)


class AuditLog:
    def __init__(self, url: str) -> None:
        self._url = url

    async def record(self, actor: str, action: str, **fields) -> None:
        try:
            async with aiohttp.ClientSession() as http:
                async with http.post(self._url, json={"actor": actor, "action": action, **fields}) as resp:
                    if resp.status >= 300:
                        log.warning("audit sink answered %s", resp.status)
        except aiohttp.ClientError as exc:
            log.warning("audit sink unreachable: %s", exc)
