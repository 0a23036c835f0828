from __future__ import annotations

from concurrent import futures

import grpc

from courtrec.common import config
from courtrec.gen.court.v1 import transcripts_pb2_grpc
from courtrec.steno.ingest import StenoIngestServicer
from courtrec.steno.interceptor import StenoKeyInterceptor


def main() -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=32), interceptors=[StenoKeyInterceptor()],
                         options=[("grpc.keepalive_time_ms", 30_000)])
    transcripts_pb2_grpc.add_StenoIngestServicer_to_server(StenoIngestServicer(), server)
    server.add_insecure_port(config.STENO_LISTEN)
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
