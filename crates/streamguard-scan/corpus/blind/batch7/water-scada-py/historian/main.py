"""historian: tag history and live tails (sync grpcio)."""

from __future__ import annotations

import logging
import os
import time
from concurrent import futures

import grpc

from historian import historian_pb2, historian_pb2_grpc, store
from historian.keys import ApiKeyInterceptor, KeyRecheck, lookup

KEY_RECHECK_S = 60
POLL_S = 1.0


def _timeout_ms(context, default_ms: int = 5000) -> int:
    left = context.time_remaining()
    return default_ms if left is None else max(int(left * 1000), 1)


def _allowed(owner: dict, tags) -> bool:
    return all(any(t.startswith(p) for p in owner["prefixes"]) for t in tags)


class HistorianServicer(historian_pb2_grpc.HistorianServicer):
    def TailTags(self, request, context):
        api_key = dict(context.invocation_metadata())["x-api-key"]
        owner = lookup(api_key)
        if owner is None or not _allowed(owner, request.tags):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "tag outside this key's prefixes")
        recheck = KeyRecheck(api_key, KEY_RECHECK_S)
        last_ms = int(time.time() * 1000)
        while context.is_active():
            if recheck.due() and recheck.still_enabled() is None:
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "api key disabled")
            for tag, value, ms, quality in store.newer_than(list(request.tags), last_ms, _timeout_ms(context)):
                last_ms = max(last_ms, int(ms))
                yield historian_pb2.TagValue(tag=tag, value=value, unix_ms=int(ms), quality=quality)
            time.sleep(POLL_S)

    def ReplayRange(self, request, context):
        owner = lookup(dict(context.invocation_metadata())["x-api-key"])
        if owner is None or not _allowed(owner, request.tags):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "tag outside this key's prefixes")
        for tag, value, ms, quality in store.between(list(request.tags), request.from_unix_ms,
                                                     request.to_unix_ms, _timeout_ms(context, 60_000)):
            yield historian_pb2.TagValue(tag=tag, value=value, unix_ms=int(ms), quality=quality)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=32),
        interceptors=[ApiKeyInterceptor()],
        options=[
            ("grpc.max_connection_age_ms", 2 * 3600 * 1000),
            ("grpc.max_connection_age_grace_ms", 30_000),
        ],
    )
    historian_pb2_grpc.add_HistorianServicer_to_server(HistorianServicer(), server)
    server.add_insecure_port(os.environ.get("HISTORIAN_LISTEN", "[::]:8700"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    main()
