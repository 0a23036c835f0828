from __future__ import annotations

import grpc

from courtrec.steno.keys import reporter_for_key


def _abort(code: grpc.StatusCode, details: str):
    def handler(request_iterator, context):
        context.abort(code, details)

    return grpc.stream_unary_rpc_method_handler(handler)


class StenoKeyInterceptor(grpc.ServerInterceptor):
    """Checks the writer's API key when the stream opens."""

    def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata)
        key = md.get("x-steno-key")
        if not key:
            return _abort(grpc.StatusCode.UNAUTHENTICATED, "missing x-steno-key")
        if reporter_for_key(key) is None:
            return _abort(grpc.StatusCode.UNAUTHENTICATED, "unknown or disabled steno key")
        return continuation(handler_call_details)
