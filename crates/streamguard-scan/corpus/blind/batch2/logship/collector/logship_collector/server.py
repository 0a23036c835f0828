import datetime as dt
import logging
import time

import grpc

from logship_collector.gen import logship_pb2, logship_pb2_grpc
from logship_collector.interceptors import current_claims

log = logging.getLogger(__name__)

MAX_BATCHES_PER_MINUTE = 600


def _doc(record, tenant, stream):
    return {
        "@timestamp": dt.datetime.fromtimestamp(record.ts_unix_ns / 1e9, tz=dt.timezone.utc).isoformat(),
        "host": record.host,
        "service": record.service,
        "level": record.level,
        "message": record.message,
        "labels": dict(record.labels),
        "tenant": tenant,
        "stream": stream,
    }


class CollectorServicer(logship_pb2_grpc.CollectorServicer):
    def __init__(self, sink):
        self._sink = sink

    def ShipLogs(self, request_iterator, context):
        claims = current_claims.value or {}
        allowed_tenants = set(claims.get("tenants", []))
        accepted = dropped = 0
        window_start = time.monotonic()
        batches_in_window = 0
        first = True

        for batch in request_iterator:
            if first:
                if batch.tenant not in allowed_tenants:
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, f"tenant {batch.tenant!r} not allowed")
                first = False

            now = time.monotonic()
            if now - window_start >= 60:
                window_start, batches_in_window = now, 0
            batches_in_window += 1
            if batches_in_window > MAX_BATCHES_PER_MINUTE:
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "too many batches, back off")

            index = f"logs-{batch.tenant}-{dt.date.today():%Y.%m.%d}"
            docs = [_doc(r, batch.tenant, batch.stream) for r in batch.records]
            try:
                n = self._sink.bulk(index, docs)
            except Exception:  # noqa: BLE001
                log.exception("bulk failed for %s", index)
                dropped += len(docs)
                continue
            accepted += n
            dropped += len(docs) - n

        return logship_pb2.ShipSummary(accepted=accepted, dropped=dropped)
