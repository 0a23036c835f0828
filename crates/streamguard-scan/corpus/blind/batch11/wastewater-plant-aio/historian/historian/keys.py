"""API keys of the engineering and reporting tools, stored hashed in the historian database."""
import hashlib

import grpc
import psycopg


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKeyInterceptor(grpc.ServerInterceptor):
    def __init__(self, dsn: str):
        self.dsn = dsn

    def _owner(self, key: str) -> str | None:
        with psycopg.connect(self.dsn) as conn:
            row = conn.execute(
                "select owner from api_keys where key_hash = %s and disabled_at is null", (_hash(key),)
            ).fetchone()
        return row[0] if row else None

    def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        key = md.get("x-api-key", "")
        if not key or self._owner(key) is None:
            def deny(request, context):
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "invalid api key")
            return grpc.unary_stream_rpc_method_handler(deny)
        return continuation(handler_call_details)
