from __future__ import annotations

import json
import os
from typing import AsyncIterator

import httpx

BASE_URL = os.environ.get("LLM_BASE_URL", "http://inference.internal:8000")
STREAM_TIMEOUT = httpx.Timeout(60.0, connect=5.0)


class Upstream:
    def __init__(self) -> None:
        self._client = httpx.AsyncClient(base_url=BASE_URL, headers={"user-agent": "llm-proxy/0.7"})

    async def stream_completion(self, model: str, prompt: str, max_tokens: int) -> AsyncIterator[str]:
        body = {"model": model, "prompt": prompt, "max_tokens": max_tokens, "stream": True}
        async with self._client.stream("POST", "/v1/completions", json=body, timeout=STREAM_TIMEOUT) as resp:
            resp.raise_for_status()
            async for line in resp.aiter_lines():
                if not line.startswith("data: "):
                    continue
                data = line[6:]
                if data == "[DONE]":
                    return
                yield json.loads(data)["choices"][0]["text"]

    async def chat(self, model: str, messages: list[dict], timeout: float | None) -> str:
        resp = await self._client.post(
            "/v1/chat/completions",
            json={"model": model, "messages": messages},
            timeout=timeout,
        )
        resp.raise_for_status()
        return resp.json()["choices"][0]["message"]["content"]

    async def aclose(self) -> None:
        await self._client.aclose()
