from __future__ import annotations

import asyncio
import logging

import grpc

from proxy import llm_pb2, llm_pb2_grpc
from proxy.upstream import Upstream

log = logging.getLogger(__name__)

MAX_TOKENS_CAP = 4096


class LogBuffer(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.listeners: set[asyncio.Queue] = set()

    def emit(self, record: logging.LogRecord) -> None:
        for q in list(self.listeners):
            q.put_nowait(record)


class LlmProxyService(llm_pb2_grpc.LlmProxyServicer):
    def __init__(self, upstream: Upstream, logs: LogBuffer) -> None:
        self._upstream = upstream
        self._logs = logs

    async def Generate(self, request, context: grpc.aio.ServicerContext):
        max_tokens = min(request.max_tokens or 512, MAX_TOKENS_CAP)
        index = 0
        async for text in self._upstream.stream_completion(request.model, request.prompt, max_tokens):
            yield llm_pb2.TokenChunk(index=index, text=text)
            index += 1

    async def _answer(self, turn, history: list[dict], context: grpc.aio.ServicerContext) -> None:
        try:
            text = await self._upstream.chat(turn.model, history, timeout=context.time_remaining())
        except Exception as exc:
            log.warning("chat turn %s failed: %s", turn.turn_id, exc)
            await context.write(llm_pb2.ChatReply(turn_id=turn.turn_id, error=str(exc)))
            return
        history.append({"role": "assistant", "content": text})
        await context.write(llm_pb2.ChatReply(turn_id=turn.turn_id, text=text))

    async def Chat(self, request_iterator, context: grpc.aio.ServicerContext):
        history: list[dict] = []
        async for turn in request_iterator:
            history.append({"role": "user", "content": turn.text})
            asyncio.create_task(self._answer(turn, list(history), context))

    async def Tail(self, request, context: grpc.aio.ServicerContext):
        queue: asyncio.Queue[logging.LogRecord] = asyncio.Queue(maxsize=1000)
        self._logs.listeners.add(queue)
        try:
            while True:
                record = await queue.get()
                if record.levelno < (request.min_level or logging.INFO):
                    continue
                yield llm_pb2.LogRecord(level=record.levelname, message=record.getMessage(), ts=record.created)
        finally:
            self._logs.listeners.discard(queue)
