from __future__ import annotations

import grpc

from digest import summarizer_pb2, summarizer_pb2_grpc


class SummarizerClient:
    def __init__(self, channel: grpc.aio.Channel) -> None:
        self._stub = summarizer_pb2_grpc.SummarizerStub(channel)

    @staticmethod
    def request_for(items) -> summarizer_pb2.SummarizeRequest:
        return summarizer_pb2.SummarizeRequest(lines=[i.title for i in items], max_words=80)

    async def Summarize(self, request, timeout=None):
        return await self._stub.Summarize(request, timeout=timeout)
