"""grpc.aio interceptors for the intake server."""
from __future__ import annotations

import logging
import time

import grpc

from claims_intake.principal import bearer_from_metadata_ok

log = logging.getLogger(__name__)


class RequireBearer(grpc.aio.ServerInterceptor):
    """Cheap front door: no bearer, no handler. Handlers verify the token."""

    async def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        if not bearer_from_metadata_ok(md.get("authorization")):
            return _UNAUTHENTICATED
        return await continuation(handler_call_details)


class AccessLog(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, handler_call_details):
        started = time.monotonic()
        handler = await continuation(handler_call_details)
        log.info("call %s dispatched in %.1f ms", handler_call_details.method, (time.monotonic() - started) * 1000)
        return handler


async def _deny(request, context):
    await context.abort(grpc.StatusCode.UNAUTHENTICATED, "bearer token required")


_UNAUTHENTICATED = grpc.unary_unary_rpc_method_handler(_deny)
