"""Client of the wind-machine gateway on the estate LAN."""
import asyncio
import logging

import aiohttp

from frostwatch.settings import SETTINGS

log = logging.getLogger(__name__)


class FanGateway:
    def __init__(self, session: aiohttp.ClientSession):
        self._http = session

    async def status(self, machine_id: str, timeout: float) -> dict:
        async with self._http.get(
            f"{SETTINGS.fan_gateway}/machines/{machine_id}",
            timeout=aiohttp.ClientTimeout(total=timeout),
        ) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def stop(self, machine_id: str, timeout: float) -> None:
        async with self._http.post(
            f"{SETTINGS.fan_gateway}/machines/{machine_id}/stop",
            timeout=aiohttp.ClientTimeout(total=timeout),
        ) as resp:
            resp.raise_for_status()

    async def run_cycle(self, machine_id: str, minutes: int) -> None:
        """Spins a machine up, keeps it running for `minutes`, spins it down."""
        async with self._http.post(f"{SETTINGS.fan_gateway}/machines/{machine_id}/start") as resp:
            resp.raise_for_status()
        try:
            for _ in range(minutes):
                await asyncio.sleep(60)
                async with self._http.post(f"{SETTINGS.fan_gateway}/machines/{machine_id}/keepalive") as resp:
                    resp.raise_for_status()
        finally:
            async with self._http.post(f"{SETTINGS.fan_gateway}/machines/{machine_id}/stop") as resp:
                log.info("machine %s stopped: %s", machine_id, resp.status)
