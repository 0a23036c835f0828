import httpx


class SearchBackend:
    def __init__(self, base_url: str):
        self._client = httpx.AsyncClient(base_url=base_url, timeout=httpx.Timeout(10.0))

    async def index(self, index: str, doc_id: str, body: dict, timeout: float | None) -> str:
        resp = await self._client.put(f"/{index}/_doc/{doc_id}", json=body, timeout=timeout)
        resp.raise_for_status()
        return resp.json()["result"]

    async def refresh(self, index: str) -> None:
        resp = await self._client.post(f"/{index}/_refresh", timeout=60.0)
        resp.raise_for_status()

    async def stats(self, index: str, timeout: float | None) -> dict:
        resp = await self._client.get(f"/{index}/_stats/docs,store,indexing", timeout=timeout)
        resp.raise_for_status()
        return resp.json()["indices"][index]["total"]

    async def search(self, index: str, query: str, offset: int, size: int, timeout: float | None) -> dict:
        body = {"query": {"multi_match": {"query": query, "fields": ["title^3", "body"]}}, "from": offset, "size": size}
        resp = await self._client.post(f"/{index}/_search", json=body, timeout=timeout)
        resp.raise_for_status()
        return resp.json()["hits"]

    async def aclose(self) -> None:
        await self._client.aclose()
