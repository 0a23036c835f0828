import logging
import os
import queue
import threading
from concurrent import futures

import grpc
import psycopg

from ..gen import tolling_pb2_grpc
from .auth import ClerkAuthInterceptor
from .servicer import EnforcementServicer


def _feed(dsn: str, work: queue.Queue) -> None:
    """Fills the shared work queue from unreviewed violations."""
    import time
    while True:
        with psycopg.connect(dsn) as conn:
            rows = conn.execute(
                "UPDATE violations SET status = 'QUEUED' WHERE id IN (SELECT id FROM violations WHERE status = 'NEW' LIMIT 200) RETURNING id, plate, region, gantry_id, at_ms"
            ).fetchall()
        for r in rows:
            work.put({"id": r[0], "plate": r[1], "region": r[2], "gantry": r[3], "at": r[4]})
        time.sleep(5)


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    dsn = os.environ.get("DATABASE_URL", "postgresql://tolling@localhost/tolling")
    work: queue.Queue = queue.Queue(maxsize=10_000)
    threading.Thread(target=_feed, args=(dsn, work), daemon=True, name="violation-feed").start()
    dmv = tolling_pb2_grpc.DmvStub(grpc.insecure_channel(os.environ.get("DMV_ADDR", "dmv-gw.internal:50910")))
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=48),
        interceptors=[ClerkAuthInterceptor()],
        options=[("grpc.max_connection_age_ms", 8 * 60 * 60 * 1000)],
    )
    tolling_pb2_grpc.add_EnforcementServicer_to_server(EnforcementServicer(dsn, dmv, work), server)
    server.add_insecure_port(os.environ.get("ENFORCEMENT_LISTEN", "[::]:50920"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    run()
