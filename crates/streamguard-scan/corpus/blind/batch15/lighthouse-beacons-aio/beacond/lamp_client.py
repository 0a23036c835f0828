"""HTTP client for the lamp controllers (one REST gateway per coast section)."""
import asyncio
import logging

import aiohttp

from .config import settings

log = logging.getLogger(__name__)


class LampController:
    def __init__(self, base_url: str = settings.lamp_controller_url):
        self._base = base_url
        self._session: aiohttp.ClientSession | None = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        return self._session

    async def status(self, station_id: str) -> dict:
        async with self._http().get(f"{self._base}/stations/{station_id}/status") as resp:
            resp.raise_for_status()
            return await resp.json()

    async def apply(self, station_id: str, op: str, argument: str) -> dict:
        async with self._http().post(
            f"{self._base}/stations/{station_id}/ops", json={"op": op, "argument": argument}
        ) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def apply_with_retry(self, station_id: str, op: str, argument: str, attempts: int = 20) -> None:
        """Remote stations are on radio links; keep trying for a few minutes."""
        for i in range(attempts):
            try:
                await self.apply(station_id, op, argument)
                return
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                log.warning("station %s op %s attempt %d failed: %s", station_id, op, i + 1, exc)
                await asyncio.sleep(15)
        log.error("giving up on %s %s", station_id, op)
