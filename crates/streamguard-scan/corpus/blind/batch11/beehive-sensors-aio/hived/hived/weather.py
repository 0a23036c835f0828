import aiohttp

from .settings import settings

_TIMEOUT = aiohttp.ClientTimeout(total=10)


async def current(session: aiohttp.ClientSession, lat: float, lon: float) -> dict:
    async with session.get(settings.weather_url, params={"lat": lat, "lon": lon}, timeout=_TIMEOUT) as resp:
        resp.raise_for_status()
        return await resp.json()


async def notify_swarm(session: aiohttp.ClientSession, hive_id: str, hum_hz: float) -> None:
    # The alerting hook is slow when the beekeeper's phone is offline; retry a few times.
    for _ in range(5):
        try:
            async with session.post(settings.swarm_webhook, json={"hive": hive_id, "hum_hz": hum_hz}) as resp:
                if resp.status < 500:
                    return
        except aiohttp.ClientError:
            pass
        import asyncio
        await asyncio.sleep(30)
