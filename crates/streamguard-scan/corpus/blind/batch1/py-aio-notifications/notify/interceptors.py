from __future__ import annotations

import contextvars
import os

import grpc
import jwt

current_claims: contextvars.ContextVar[dict] = contextvars.ContextVar("current_claims")

_JWKS = jwt.PyJWKClient(os.environ.get("NOTIFY_JWKS_URL", "https://login.example.org/.well-known/jwks.json"))


def _reject(code: grpc.StatusCode, details: str) -> grpc.RpcMethodHandler:
    async def deny(request, context: grpc.aio.ServicerContext):
        await context.abort(code, details)

    return grpc.unary_unary_rpc_method_handler(deny)


class TokenInterceptor(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, handler_call_details):
        metadata = dict(handler_call_details.invocation_metadata or ())
        header = metadata.get("authorization", "")
        if not header.lower().startswith("bearer "):
            return _reject(grpc.StatusCode.UNAUTHENTICATED, "missing token")
        token = header[7:]
        try:
            key = _JWKS.get_signing_key_from_jwt(token)
            claims = jwt.decode(
                token,
                key.key,
                algorithms=["RS256", "ES256"],
                audience="notifications",
                options={"require": ["exp", "sub"]},
            )
        except jwt.PyJWTError:
            return _reject(grpc.StatusCode.UNAUTHENTICATED, "invalid token")
        current_claims.set(claims)
        return await continuation(handler_call_details)
