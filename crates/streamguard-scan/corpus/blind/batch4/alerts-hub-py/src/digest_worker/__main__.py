"""digest-worker: pushes a rolling plain-language digest of each team's alerts to the wall displays."""
from __future__ import annotations

import asyncio
import logging
import os
import time

import asyncpg
import grpc

from alertspb import alerts_pb2, alerts_pb2_grpc

from .summarizer import Summarizer
from .window import recent_lines

log = logging.getLogger("digest-worker")


class DigestService(alerts_pb2_grpc.DigestServicer):
    def __init__(self, pool: asyncpg.Pool, summarizer: Summarizer) -> None:
        self._pool = pool
        self._summarizer = summarizer

    async def StreamDigests(self, request, context):
        every = max(30, request.every_s or 60)
        while True:
            lines = await recent_lines(self._pool, request.team, every)
            text = await self._summarizer.summarize(lines) if lines else "all quiet"
            await context.write(alerts_pb2.DigestChunk(team=request.team, text=text, window_end_unix=int(time.time())))
            await asyncio.sleep(every)


async def serve() -> None:
    pool = await asyncpg.create_pool(os.environ["DIGEST_DSN"], max_size=4)
    server = grpc.aio.server(options=[("grpc.keepalive_time_ms", 30_000)])
    alerts_pb2_grpc.add_DigestServicer_to_server(DigestService(pool, Summarizer(os.environ.get("SUMMARIZER_ADDR", "summarizer:9000"))), server)
    server.add_insecure_port(os.environ.get("DIGEST_LISTEN", "0.0.0.0:9470"))
    await server.start()
    await server.wait_for_termination()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    main()
