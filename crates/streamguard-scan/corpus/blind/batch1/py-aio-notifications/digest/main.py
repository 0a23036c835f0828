from __future__ import annotations

import asyncio
import os

import grpc

from digest import auth
from digest.service import DigestService
from digest.store import PgStore
from digest.summarizer import SummarizerClient
from notify import notifier_pb2_grpc


async def serve() -> None:
    server = grpc.aio.server(
        options=[
            ("grpc.max_connection_age_ms", 30 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 10_000),
        ]
    )
    asyncio.create_task(auth.follow_revocations(os.environ.get("REDIS_URL", "redis://localhost:6379/2")))
    store = await PgStore.connect(os.environ["DIGEST_DSN"])
    summarizer = SummarizerClient(grpc.aio.insecure_channel(os.environ.get("SUMMARIZER", "summarizer:50051")))
    notifier_pb2_grpc.add_DigestServiceServicer_to_server(DigestService(store, summarizer), server)
    server.add_insecure_port(os.environ.get("DIGEST_LISTEN", "[::]:7002"))
    await server.start()
    await server.wait_for_termination()


def run() -> None:
    asyncio.run(serve())


if __name__ == "__main__":
    run()
