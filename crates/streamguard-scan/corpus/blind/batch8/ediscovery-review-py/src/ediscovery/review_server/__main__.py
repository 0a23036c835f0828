import logging
from concurrent import futures

import grpc

from ..gen import review_pb2_grpc
from .auth import TokenInterceptor
from .config import settings
from .revocations import revocations
from .servicer import ReviewServicer


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    revocations.start()
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=64, thread_name_prefix="rpc"),
        interceptors=[TokenInterceptor()],
        options=settings.server_options,
    )
    review_pb2_grpc.add_ReviewServicer_to_server(ReviewServicer(), server)
    server.add_insecure_port(settings.listen)
    server.start()
    logging.info("review server on %s", settings.listen)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
