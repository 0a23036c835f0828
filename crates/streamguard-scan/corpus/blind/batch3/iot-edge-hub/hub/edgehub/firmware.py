import aiohttp

CHUNK = 256 * 1024


class FirmwareStore:
    def __init__(self, base_url: str):
        self._base = base_url.rstrip("/")
        self._session = aiohttp.ClientSession()

    async def chunks(self, version: str, offset: int, timeout: float | None):
        url = f"{self._base}/firmware/{version}.bin"
        headers = {"Range": f"bytes={offset}-"}
        client_timeout = aiohttp.ClientTimeout(total=timeout)
        async with self._session.get(url, headers=headers, timeout=client_timeout) as resp:
            resp.raise_for_status()
            sha = resp.headers.get("x-amz-meta-sha256", "")
            async for block in resp.content.iter_chunked(CHUNK):
                yield block, sha

    async def close(self) -> None:
        await self._session.close()
