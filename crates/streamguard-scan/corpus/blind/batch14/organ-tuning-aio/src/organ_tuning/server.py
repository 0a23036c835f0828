import asyncio
import logging

import grpc
import nats

from . import config
from .gen import tuning_pb2_grpc
from .servicer import TuningServicer
from .session import revocations


async def _revocation_feed():
    nc = await nats.connect(config.NATS_URL)

    async def on_msg(msg):
        revocations.push(msg.data.decode())  # "jti:<id>" or "sub:<id>"

    await nc.subscribe("auth.revoked", cb=on_msg)
    return nc


async def serve():
    nc = await _revocation_feed()
    server = grpc.aio.server(options=[("grpc.keepalive_time_ms", 30_000)])
    tuning_pb2_grpc.add_TuningServicer_to_server(TuningServicer(), server)
    server.add_insecure_port(config.LISTEN)
    await server.start()
    logging.info("organ-tuning on %s", config.LISTEN)
    try:
        await server.wait_for_termination()
    finally:
        await nc.drain()


def main():
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
