import aiohttp

from ..config import settings

_TIMEOUT = aiohttp.ClientTimeout(total=8)


class SensorApi:
    def __init__(self):
        self._session: aiohttp.ClientSession | None = None

    async def session(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(base_url=settings.sensor_api, timeout=_TIMEOUT)
        return self._session

    async def latest(self, pond_id: str) -> dict:
        s = await self.session()
        async with s.get(f"/v1/ponds/{pond_id}/latest") as resp:
            resp.raise_for_status()
            return await resp.json()
