import asyncio
import logging

import grpc

from ..gen import translate_pb2_grpc
from . import settings
from .auth import JwtInterceptor
from .memory import TranslationMemory
from .mt_engine import MtEngine
from .revocations import revocations
from .servicer import TranslationServicer


async def serve() -> None:
    memory = TranslationMemory()
    await memory.start()
    await revocations.start()
    server = grpc.aio.server(
        interceptors=[JwtInterceptor()],
        options=[
            ("grpc.keepalive_time_ms", 30_000),
            ("grpc.max_connection_idle_ms", 15 * 60 * 1000),
        ],
    )
    translate_pb2_grpc.add_TranslationServicer_to_server(TranslationServicer(memory, MtEngine()), server)
    server.add_insecure_port(settings.LISTEN)
    await server.start()
    logging.info("transhub listening on %s", settings.LISTEN)
    await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    run()
