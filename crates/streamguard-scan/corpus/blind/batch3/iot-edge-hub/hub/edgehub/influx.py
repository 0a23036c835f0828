import aiohttp

from .gen import hub_pb2


def _line(device_id: str, fleet: str, t: hub_pb2.Telemetry) -> str:
    fields = ",".join(f"{k}={v}" for k, v in sorted(t.values.items()))
    return f"telemetry,device={device_id},fleet={fleet} {fields} {t.ts_ms * 1_000_000}"


class InfluxWriter:
    def __init__(self, url: str, org: str, bucket: str, token: str):
        self._url = f"{url}/api/v2/write?org={org}&bucket={bucket}&precision=ns"
        self._headers = {"Authorization": f"Token {token}", "Content-Type": "text/plain"}
        self._session: aiohttp.ClientSession | None = None

    async def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
        return self._session

    async def write(self, device_id: str, fleet: str, t: hub_pb2.Telemetry) -> None:
        session = await self._client()
        async with session.post(self._url, data=_line(device_id, fleet, t), headers=self._headers) as resp:
            if resp.status >= 300:
                raise RuntimeError(f"influx write failed: {resp.status}")

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
