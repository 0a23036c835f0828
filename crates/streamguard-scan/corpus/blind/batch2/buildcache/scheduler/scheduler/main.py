import logging
import os
from concurrent import futures

import grpc

from scheduler import cache_pb2_grpc
from scheduler.auth import WorkerTokenInterceptor, TokenRegistry
from scheduler.execution import ActionQueue, ExecutionServicer


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    registry = TokenRegistry(os.environ.get("AUTH_URL", "http://auth.buildcache:8081"))
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=256),
        interceptors=[WorkerTokenInterceptor(registry)],
        options=[
            ("grpc.max_connection_age_ms", 10 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 30 * 1000),
            ("grpc.keepalive_time_ms", 20 * 1000),
        ],
    )
    ops_channel = grpc.insecure_channel(os.environ.get("OPERATIONS_ADDR", "operations.buildcache:7200"))
    cache_pb2_grpc.add_ExecutionServicer_to_server(
        ExecutionServicer(ActionQueue(), registry, cache_pb2_grpc.OperationsStub(ops_channel)), server
    )
    server.add_insecure_port(os.environ.get("SCHEDULER_LISTEN", "[::]:8981"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
