from __future__ import annotations

import logging
from concurrent import futures

import grpc

from courtrec.common import config
from courtrec.gen.court.v1 import transcripts_pb2_grpc
from courtrec.transcriptd.servicer import TranscriptsServicer


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=64),
        options=[
            ("grpc.max_connection_age_ms", 3_600_000),
            ("grpc.max_connection_age_grace_ms", 30_000),
            ("grpc.keepalive_time_ms", 60_000),
        ],
    )
    transcripts_pb2_grpc.add_TranscriptsServicer_to_server(TranscriptsServicer(), server)
    server.add_insecure_port(config.LISTEN)
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
