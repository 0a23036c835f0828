import logging
import os
from concurrent import futures

import grpc

from logship_collector.gen import logship_pb2_grpc
from logship_collector.interceptors import JwtAuthInterceptor
from logship_collector.server import CollectorServicer
from logship_collector.sink import ElasticSink


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    sink = ElasticSink(os.environ.get("ES_URL", "http://elasticsearch:9200"))
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=int(os.environ.get("WORKERS", "64"))),
        interceptors=[JwtAuthInterceptor(os.environ["LOGSHIP_JWKS_PATH"])],
        options=[
            ("grpc.max_receive_message_length", 32 * 1024 * 1024),
            ("grpc.keepalive_time_ms", 60_000),
        ],
    )
    logship_pb2_grpc.add_CollectorServicer_to_server(CollectorServicer(sink), server)
    server.add_insecure_port(os.environ.get("LISTEN", "[::]:4317"))
    server.start()
    logging.info("collector started")
    server.wait_for_termination()


if __name__ == "__main__":
    main()
