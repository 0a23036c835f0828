import functools
import inspect

import grpc

from .interceptors import current_claims


def _has_scope(claims: dict, scope: str) -> bool:
    granted = claims.get("scope", "")
    if isinstance(granted, str):
        granted = granted.split()
    return scope in granted


def require_scope(scope: str):
    """Abort with PERMISSION_DENIED unless the caller's token carries `scope`."""

    def decorate(fn):
        if inspect.isasyncgenfunction(fn):

            @functools.wraps(fn)
            async def gen_wrapper(self, request, context):
                if not _has_scope(current_claims(), scope):
                    await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"missing scope {scope}")
                async for item in fn(self, request, context):
                    yield item

            return gen_wrapper

        @functools.wraps(fn)
        async def wrapper(self, request, context):
            if not _has_scope(current_claims(), scope):
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"missing scope {scope}")
            return await fn(self, request, context)

        return wrapper

    return decorate
