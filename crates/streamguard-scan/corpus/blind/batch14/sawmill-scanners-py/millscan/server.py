import logging
from concurrent import futures

import grpc

from . import config
from .gen import mill_pb2_grpc
from .servicer import MillScanServicer


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=64, thread_name_prefix="rpc"),
        options=[
            ("grpc.max_connection_age_ms", 20 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 10_000),
            ("grpc.keepalive_time_ms", 30_000),
        ],
        maximum_concurrent_rpcs=256,
    )
    mill_pb2_grpc.add_MillScanServicer_to_server(MillScanServicer(), server)
    server.add_insecure_port(config.LISTEN)
    server.start()
    logging.info("millscan listening on %s", config.LISTEN)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
