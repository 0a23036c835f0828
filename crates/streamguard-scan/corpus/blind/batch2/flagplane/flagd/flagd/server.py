import logging
import os

import grpc
import redis.asyncio as aioredis

from flagd import flags_pb2_grpc
from flagd.auth import BearerAuthInterceptor, RevocationHub
from flagd.store import FlagStore
from flagd.watch import FlagSyncServicer

log = logging.getLogger(__name__)


async def serve(address: str) -> None:
    redis = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    revocations = RevocationHub(redis)
    await revocations.start()

    store = FlagStore(redis)
    await store.start()
    server = grpc.aio.server(interceptors=[BearerAuthInterceptor(os.environ["FLAGD_JWT_PUBLIC_KEY"])])
    flags_pb2_grpc.add_FlagSyncServicer_to_server(FlagSyncServicer(store, revocations), server)
    server.add_insecure_port(address)
    await server.start()
    log.info("flagd listening on %s", address)
    try:
        await server.wait_for_termination()
    finally:
        await revocations.stop()
