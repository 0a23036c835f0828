"""API keys for historian consumers (regulator reporting link, engineering notebooks)."""

from __future__ import annotations

import hashlib
import os
import threading
import time

import grpc
import psycopg

DSN = os.environ.get("HISTORIAN_DSN", "postgresql://historian@tsdb/historian")


def lookup(api_key: str) -> dict | None:
    digest = hashlib.sha256(api_key.encode()).hexdigest()
    with psycopg.connect(DSN, connect_timeout=5) as conn:
        row = conn.execute(
            "SELECT owner, tag_prefixes FROM api_keys WHERE sha256 = %s AND disabled_at IS NULL",
            (digest,),
        ).fetchone()
    return None if row is None else {"owner": row[0], "prefixes": list(row[1])}


class ApiKeyInterceptor(grpc.ServerInterceptor):
    def intercept_service(self, continuation, handler_call_details):
        key = dict(handler_call_details.invocation_metadata).get("x-api-key")
        if not key or lookup(key) is None:
            def deny(request, context):
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "unknown or disabled API key")

            return grpc.unary_stream_rpc_method_handler(deny)
        return continuation(handler_call_details)


class KeyRecheck:
    """Re-reads a key's row every `period` seconds while a tail is open."""

    def __init__(self, api_key: str, period: float) -> None:
        self.api_key = api_key
        self.period = period
        self._next = time.monotonic() + period
        self._lock = threading.Lock()

    def due(self) -> bool:
        with self._lock:
            if time.monotonic() < self._next:
                return False
            self._next = time.monotonic() + self.period
            return True

    def still_enabled(self) -> dict | None:
        return lookup(self.api_key)
