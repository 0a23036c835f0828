import aiohttp
import grpc

from .config import settings
from .gen import gazex_pb2, gazex_pb2_grpc

_http: aiohttp.ClientSession | None = None
_exploders: gazex_pb2_grpc.ExploderControlStub | None = None


async def http() -> aiohttp.ClientSession:
    global _http
    if _http is None:
        _http = aiohttp.ClientSession(base_url=settings.snowpack_url, timeout=aiohttp.ClientTimeout(total=5))
    return _http


def exploders() -> gazex_pb2_grpc.ExploderControlStub:
    global _exploders
    if _exploders is None:
        channel = grpc.aio.insecure_channel(settings.exploder_addr)
        _exploders = gazex_pb2_grpc.ExploderControlStub(channel)
    return _exploders


async def station_readings(zone_id: str) -> list[dict]:
    session = await http()
    async with session.get(f"/v2/zones/{zone_id}/latest") as resp:
        resp.raise_for_status()
        return (await resp.json())["stations"]


async def fire_exploder(exploder_id: str, charge: int, timeout: float | None):
    return await exploders().Fire(gazex_pb2.FireRequest(exploder_id=exploder_id, charge=charge), timeout=timeout)
