import asyncio
import logging
import os

import grpc

from ..gen import quality_pb2_grpc
from .metrics import EngineMetrics
from .quality import QualityFeedServicer


async def _bleu_from_eval_service(engine: str) -> float:
    # The nightly eval writes the current score to a file per engine.
    path = f"/var/lib/mtproxy/bleu/{engine}"
    try:
        with open(path) as fh:
            return float(fh.read().strip())
    except (OSError, ValueError):
        return 0.0


async def serve() -> None:
    metrics = EngineMetrics()
    server = grpc.aio.server(options=[("grpc.keepalive_time_ms", 20_000), ("grpc.keepalive_timeout_ms", 5_000)])
    quality_pb2_grpc.add_QualityFeedServicer_to_server(QualityFeedServicer(metrics, _bleu_from_eval_service), server)
    server.add_insecure_port(os.environ.get("MTPROXY_GRPC_LISTEN", "[::]:50810"))
    await server.start()
    await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    run()
