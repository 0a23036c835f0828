import logging
import os
from concurrent import futures

import grpc

from logship_query import logship_pb2_grpc
from logship_query.service import QueryServicer
from logship_query.spool import Spool
from logship_query.version_check import ApiVersionInterceptor


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    spool = Spool(os.environ.get("SPOOL_DIR", "/var/spool/logship"))
    spool.start()
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=32),
        interceptors=[ApiVersionInterceptor(min_version=(1, 6))],
        options=[
            ("grpc.max_connection_age_ms", 30 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 15 * 1000),
        ],
    )
    logship_pb2_grpc.add_QueryServicer_to_server(
        QueryServicer(spool, es_url=os.environ.get("ES_URL", "http://elasticsearch:9200")), server
    )
    server.add_insecure_port(os.environ.get("LISTEN", "[::]:4318"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
