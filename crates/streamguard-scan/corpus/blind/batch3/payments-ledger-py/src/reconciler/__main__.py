import logging
import os
from concurrent import futures

import grpc

from .gen import recon_pb2_grpc
from .server import ReconciliationServicer


def main():
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    recon_pb2_grpc.add_ReconciliationServicer_to_server(
        ReconciliationServicer(os.environ["RECON_DATABASE_URL"]), server
    )
    server.add_insecure_port(os.environ.get("RECON_LISTEN", "127.0.0.1:50062"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
