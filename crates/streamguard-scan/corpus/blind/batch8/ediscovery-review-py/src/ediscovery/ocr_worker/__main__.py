import logging
import os
from concurrent import futures

import grpc

from ..gen import ocr_pb2_grpc
from .limits import PeerLimiter
from .servicer import OcrServicer


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    # Internal worker on the processing subnet; callers are the indexers.
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=int(os.environ.get("OCR_THREADS", "8"))))
    ocr_pb2_grpc.add_OcrServicer_to_server(OcrServicer(PeerLimiter(pages_per_second=20.0, burst=40)), server)
    server.add_insecure_port(os.environ.get("OCR_LISTEN", "[::]:50570"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
