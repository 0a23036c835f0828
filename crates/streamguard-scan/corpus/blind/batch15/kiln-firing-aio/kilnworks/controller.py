"""Client of the kiln bridge (REST in front of the kiln controllers' serial links)."""
import aiohttp


class KilnBridge:
    def __init__(self, base_url: str):
        self._base = base_url
        self._http = None

    def _session(self):
        if self._http is None:
            self._http = aiohttp.ClientSession()
        return self._http

    async def reading(self, kiln_id: str, budget: float) -> dict:
        async with self._session().get(
            f"{self._base}/kilns/{kiln_id}", timeout=aiohttp.ClientTimeout(total=budget)
        ) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def command(self, kiln_id: str, kind: str, minutes: int, budget: float) -> dict:
        async with self._session().post(
            f"{self._base}/kilns/{kiln_id}/commands",
            json={"kind": kind, "minutes": minutes},
            timeout=aiohttp.ClientTimeout(total=budget),
        ) as resp:
            resp.raise_for_status()
            return await resp.json()
