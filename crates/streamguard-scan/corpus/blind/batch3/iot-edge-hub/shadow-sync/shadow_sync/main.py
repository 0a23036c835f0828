import argparse
import logging
from concurrent import futures

import grpc

from .bus import ShadowBus
from .gen import shadow_pb2_grpc
from .servicer import ShadowServicer, ShadowStore


def main():
    parser = argparse.ArgumentParser(prog="shadow-sync")
    parser.add_argument("--listen", default="127.0.0.1:7788")
    parser.add_argument("--workers", type=int, default=16)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=args.workers))
    shadow_pb2_grpc.add_ShadowServiceServicer_to_server(ShadowServicer(ShadowStore(), ShadowBus()), server)
    server.add_insecure_port(args.listen)
    server.start()
    logging.info("shadow-sync on %s", args.listen)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
