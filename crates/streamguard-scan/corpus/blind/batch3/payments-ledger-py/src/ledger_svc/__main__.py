import logging
import signal
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from .auth import JwtAuthInterceptor
from .clients.fx import FxClient
from .gen import ledger_pb2_grpc
from .servicer import LedgerServicer
from .settings import settings
from .store import Ledger, TransactionFeed


def main():
    logging.basicConfig(level=logging.INFO)
    feed = TransactionFeed(settings.redis_url)
    feed.start()

    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=settings.workers),
        interceptors=[JwtAuthInterceptor()],
        options=settings.server_options,
    )
    ledger_pb2_grpc.add_LedgerServicer_to_server(
        LedgerServicer(Ledger(settings.database_url), feed, FxClient(settings.fx_target)), server
    )
    health_servicer = health.HealthServicer()
    health_servicer.set("ledger.v1.Ledger", health_pb2.HealthCheckResponse.SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)

    server.add_insecure_port(settings.listen)
    server.start()
    signal.signal(signal.SIGTERM, lambda *_: server.stop(grace=20))
    server.wait_for_termination()


if __name__ == "__main__":
    main()
