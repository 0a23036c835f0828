import logging
import os
import time
from concurrent import futures

import grpc
import psycopg

from plant.generated import wwtp_pb2, wwtp_pb2_grpc
from .keys import ApiKeyInterceptor

DSN = os.environ.get("HISTORIAN_DSN", "postgresql://historian@localhost/historian")
POLL_S = 1.0


class Historian(wwtp_pb2_grpc.HistorianServicer):
    def TailTags(self, request, context):
        tags = list(request.tags)
        last = int(time.time() * 1000)
        with psycopg.connect(DSN, autocommit=True) as conn:
            while context.is_active():
                rows = conn.execute(
                    "select tag, value, extract(epoch from ts) * 1000, quality from samples"
                    " where tag = any(%s) and ts > to_timestamp(%s / 1000.0) order by ts",
                    (tags, last),
                ).fetchall()
                for tag, value, ms, quality in rows:
                    last = max(last, int(ms))
                    yield wwtp_pb2.Sample(tag=tag, value=value, unix_ms=int(ms), quality=quality)
                time.sleep(POLL_S)

    def ExportReadings(self, request, context):
        remaining = context.time_remaining()
        ms = max(1, int(remaining * 1000)) if remaining is not None else 30_000
        with psycopg.connect(DSN, options=f"-c statement_timeout={ms}") as conn:
            cur = conn.execute(
                "select tag, value, extract(epoch from ts) * 1000, quality from samples"
                " where tag = %s and ts between to_timestamp(%s / 1000.0) and to_timestamp(%s / 1000.0) order by ts",
                (request.tag, request.from_unix_ms, request.to_unix_ms),
            )
            for tag, value, t, quality in cur:
                yield wwtp_pb2.Sample(tag=tag, value=value, unix_ms=int(t), quality=quality)


def main():
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=32),
        interceptors=[ApiKeyInterceptor(DSN)],
        options=[("grpc.keepalive_time_ms", 60_000), ("grpc.keepalive_timeout_ms", 20_000)],
    )
    wwtp_pb2_grpc.add_HistorianServicer_to_server(Historian(), server)
    server.add_insecure_port(os.environ.get("HISTORIAN_LISTEN", "[::]:50410"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
