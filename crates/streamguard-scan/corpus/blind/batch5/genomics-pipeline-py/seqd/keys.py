"""Lab API keys: one per instrument or analyst, stored hashed in Postgres."""
import hashlib
import os

import grpc
import psycopg

_DSN = os.environ.get("SEQD_DSN", "postgresql://seqd@db/lims")


def lookup(raw_key: str) -> dict | None:
    digest = hashlib.sha256(raw_key.encode()).hexdigest()
    with psycopg.connect(_DSN, connect_timeout=3) as conn:
        row = conn.execute(
            "SELECT owner, kind, projects FROM api_keys WHERE sha256 = %s AND disabled_at IS NULL", (digest,)
        ).fetchone()
    if row is None:
        return None
    return {"owner": row[0], "kind": row[1], "projects": set(row[2] or [])}


class ApiKeyInterceptor(grpc.ServerInterceptor):
    """Rejects calls without a known x-lab-key; the key holder goes into the metadata for handlers."""

    def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata)
        principal = lookup(md.get("x-lab-key", ""))
        if principal is None:
            def deny(request, context):
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "unknown or disabled lab key")
            return grpc.unary_unary_rpc_method_handler(deny)
        return continuation(handler_call_details)


def principal_of(context) -> dict:
    md = dict(context.invocation_metadata())
    principal = lookup(md.get("x-lab-key", ""))
    if principal is None:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "lab key disabled")
    return principal
