import logging
import queue
import threading

import grpc
import requests

from logship_query import logship_pb2, logship_pb2_grpc

log = logging.getLogger(__name__)

LEVELS = {"debug": 10, "info": 20, "warn": 30, "error": 40, "fatal": 50}


def _record(rec: dict) -> logship_pb2.LogRecord:
    return logship_pb2.LogRecord(
        ts_unix_ns=int(rec.get("ts_unix_ns", 0)),
        host=rec.get("host", ""),
        service=rec.get("service", ""),
        level=rec.get("level", ""),
        message=rec.get("message", ""),
        labels=rec.get("labels", {}),
    )


class QueryServicer(logship_pb2_grpc.QueryServicer):
    def __init__(self, spool, es_url: str):
        self._spool = spool
        self._es = es_url.rstrip("/")

    def Search(self, request, context):
        body = {
            "size": min(request.limit or 100, 1000),
            "query": {"query_string": {"query": request.query}},
            "sort": [{"@timestamp": "desc"}],
        }
        resp = requests.post(f"{self._es}/logs-{request.tenant}-*/_search", json=body, timeout=30)
        if resp.status_code != 200:
            context.abort(grpc.StatusCode.UNAVAILABLE, f"search backend returned {resp.status_code}")
        hits = resp.json()["hits"]["hits"]
        return logship_pb2.SearchResponse(records=[_record(h["_source"]) for h in hits])

    def Tail(self, request, context):
        sub_id, q = self._spool.subscribe(request.tenant)
        stopped = threading.Event()
        context.add_callback(stopped.set)
        min_level = LEVELS.get(request.min_level.lower(), 0)
        try:
            while not stopped.is_set() and context.is_active():
                try:
                    rec = q.get(timeout=1.0)
                except queue.Empty:
                    continue
                if request.service and rec.get("service") != request.service:
                    continue
                if LEVELS.get(str(rec.get("level", "")).lower(), 0) < min_level:
                    continue
                yield _record(rec)
        finally:
            self._spool.unsubscribe(sub_id)
