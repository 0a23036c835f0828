from __future__ import annotations

import grpc

from alertspb import alerts_pb2, alerts_pb2_grpc

SUMMARIZE_TIMEOUT_S = 10.0


class Summarizer:
    def __init__(self, target: str) -> None:
        self._channel = grpc.aio.insecure_channel(target)
        self._stub = alerts_pb2_grpc.SummarizerStub(self._channel)

    async def summarize(self, lines: list[str]) -> str:
        resp = await self._stub.Summarize(alerts_pb2.SummarizeRequest(lines=lines), timeout=SUMMARIZE_TIMEOUT_S)
        return resp.text
