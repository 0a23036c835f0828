import contextvars
import os

import grpc
import jwt

principal: contextvars.ContextVar[dict] = contextvars.ContextVar("principal")

_PUBLIC_KEY = os.environ.get("EVALUATOR_JWT_PUBLIC_KEY", "")


class TokenAuthInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, handler_call_details):
        metadata = dict(handler_call_details.invocation_metadata or ())
        token = metadata.get("authorization", "").removeprefix("Bearer ").strip()
        try:
            claims = jwt.decode(token, _PUBLIC_KEY, algorithms=["RS256"], audience="flag-evaluator")
        except jwt.PyJWTError:
            async def deny(request_iterator, context):
                await context.abort(grpc.StatusCode.UNAUTHENTICATED, "invalid or missing token")

            return grpc.stream_stream_rpc_method_handler(deny)
        principal.set(claims)
        return await continuation(handler_call_details)
