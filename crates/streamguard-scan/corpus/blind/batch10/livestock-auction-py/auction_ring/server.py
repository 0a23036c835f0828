import logging
from concurrent import futures

import grpc

from . import settings, store
from .gen import ring_pb2_grpc
from .ring import RingServicer
from .security import ScaleKeyInterceptor, revocations


def main():
    logging.basicConfig(level=logging.INFO)
    store.pool.open()
    revocations.start()
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=64),
        interceptors=[ScaleKeyInterceptor()],
        options=[("grpc.keepalive_time_ms", 30_000)],
    )
    ring_pb2_grpc.add_RingServicer_to_server(RingServicer(), server)
    server.add_insecure_port(settings.LISTEN)
    server.start()
    logging.info("auction ring on %s", settings.LISTEN)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
