import logging
import os
from concurrent import futures

import grpc

from genproto import sequencing_pb2_grpc as pb_grpc

from .keys import ApiKeyInterceptor
from .service import SequencingService


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=32),
        interceptors=[ApiKeyInterceptor()],
        options=[("grpc.max_receive_message_length", 8 * 1024 * 1024)],
    )
    pb_grpc.add_SequencingServicer_to_server(SequencingService(), server)
    server.add_insecure_port(os.environ.get("SEQD_BIND", "[::]:50080"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
