"""Evidence documents go to the document store (S3-compatible, via its REST gateway)."""
from __future__ import annotations

import os

import aiohttp

DOCSTORE_URL = os.environ.get("DOCSTORE_URL", "http://docstore.meridian.internal:9000")
_TIMEOUT = aiohttp.ClientTimeout(total=30)


async def put_evidence(http: aiohttp.ClientSession, claim_id: str, filename: str, content_type: str, body: bytes) -> str:
    async with http.put(
        f"{DOCSTORE_URL}/claims/{claim_id}/{filename}",
        data=body,
        headers={"content-type": content_type},
        timeout=_TIMEOUT,
    ) as resp:
        resp.raise_for_status()
        return (await resp.json())["evidence_id"]
