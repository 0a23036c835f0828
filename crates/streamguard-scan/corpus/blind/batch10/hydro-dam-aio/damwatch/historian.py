"""Client of the SCADA historian's HTTP API."""
import aiohttp

from .config import settings

_session: aiohttp.ClientSession | None = None


def _http() -> aiohttp.ClientSession:
    global _session
    if _session is None:
        _session = aiohttp.ClientSession(
            base_url=settings.historian_url,
            timeout=aiohttp.ClientTimeout(total=5),
        )
    return _session


async def latest(dam_id: str) -> dict:
    async with _http().get(f"/v2/dams/{dam_id}/latest") as resp:
        resp.raise_for_status()
        return await resp.json()


async def write_points(points: list[dict], timeout_s: float | None) -> None:
    t = aiohttp.ClientTimeout(total=timeout_s) if timeout_s is not None else None
    async with _http().post("/v2/points", json=points, timeout=t) as resp:
        resp.raise_for_status()
