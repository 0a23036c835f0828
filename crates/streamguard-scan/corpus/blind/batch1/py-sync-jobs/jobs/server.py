from __future__ import annotations

import logging
import os
from concurrent import futures

import grpc

from jobs import jobs_pb2_grpc
from jobs.auth import JwtInterceptor
from jobs.service import JobsService


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    runner = jobs_pb2_grpc.RunnerStub(grpc.insecure_channel(os.environ.get("RUNNER_TARGET", "worker:7800")))
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=64),
        interceptors=[JwtInterceptor(audience="jobs-api")],
        options=[
            ("grpc.max_connection_age_ms", 30 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 60 * 1000),
        ],
    )
    jobs_pb2_grpc.add_JobsServicer_to_server(JobsService(runner, owners={}), server)
    server.add_insecure_port(os.environ.get("JOBS_LISTEN", "[::]:7700"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
