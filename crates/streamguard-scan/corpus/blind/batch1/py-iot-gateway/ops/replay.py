"""Replays stored readings, enriched with site/model data, for debugging."""

from __future__ import annotations

import os
import sqlite3
from concurrent import futures

import grpc

from gateway import device_pb2, device_pb2_grpc

ENRICH_TIMEOUT_S = 5.0


class ReplayService(device_pb2_grpc.ReplayServicer):
    def __init__(self, db_path: str, enrich: device_pb2_grpc.EnrichmentStub) -> None:
        self._db_path = db_path
        self._enrich = enrich
        self._pool = futures.ThreadPoolExecutor(max_workers=8)

    def _rows(self, device_id: str, from_ms: int, limit: int):
        con = sqlite3.connect(self._db_path)
        try:
            return con.execute(
                "SELECT device_id, metric, value, ts_ms FROM readings WHERE device_id=? AND ts_ms>=? ORDER BY ts_ms LIMIT ?",
                (device_id, from_ms, limit),
            ).fetchall()
        finally:
            con.close()

    def _enrich_one(self, row) -> device_pb2.EnrichedReading:
        reading = device_pb2.Reading(device_id=row[0], metric=row[1], value=row[2], ts_ms=row[3])
        return self._enrich.Enrich(reading, timeout=ENRICH_TIMEOUT_S)

    def Replay(self, request, context):
        limit = min(request.limit or 100, 1000)
        rows = self._rows(request.device_id, request.from_ms, limit)
        pending = [self._pool.submit(self._enrich_one, row) for row in rows]
        for fut in pending:
            yield fut.result()


def main() -> None:
    channel = grpc.insecure_channel(os.environ.get("ENRICH_TARGET", "enrichment:7500"))
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    device_pb2_grpc.add_ReplayServicer_to_server(
        ReplayService(os.environ.get("READINGS_DB", "/var/lib/iot/readings.db"), device_pb2_grpc.EnrichmentStub(channel)),
        server,
    )
    server.add_insecure_port("127.0.0.1:8899")
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
