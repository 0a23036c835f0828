import aiohttp

from . import settings

_TIMEOUT = aiohttp.ClientTimeout(total=15)


class MtEngine:
    """Client of the MT proxy's HTTP API."""

    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    async def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(base_url=settings.MT_ENGINE_URL, timeout=_TIMEOUT)
        return self._session

    async def translate(self, text: str, source: str, target: str, glossary: str) -> tuple[str, float]:
        http = await self._http()
        async with http.post("/v2/translate", json={"q": text, "source": source, "target": target, "glossary": glossary}) as resp:
            resp.raise_for_status()
            body = await resp.json()
            return body["translation"], float(body.get("score", 0.0))
