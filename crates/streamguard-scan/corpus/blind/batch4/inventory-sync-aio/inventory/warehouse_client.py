from __future__ import annotations

import aiohttp


class WarehouseError(Exception):
    pass


class WarehouseClient:
    """HTTP client for the WMS reservation API."""

    def __init__(self, base_url: str) -> None:
        self._base = base_url.rstrip("/")
        self._session: aiohttp.ClientSession | None = None

    async def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
        return self._session

    async def reserve(self, warehouse_id: str, sku: str, quantity: int, idempotency_key: str) -> bool:
        http = await self._http()
        async with http.post(
            f"{self._base}/warehouses/{warehouse_id}/reservations",
            json={"sku": sku, "quantity": quantity},
            headers={"Idempotency-Key": idempotency_key},
        ) as resp:
            if resp.status == 409:
                return False
            if resp.status >= 400:
                raise WarehouseError(f"WMS answered {resp.status} for {sku}")
            return True

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
