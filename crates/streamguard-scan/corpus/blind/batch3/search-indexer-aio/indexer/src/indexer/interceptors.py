import contextvars
import logging

import grpc
import jwt

log = logging.getLogger(__name__)

_claims: contextvars.ContextVar[dict | None] = contextvars.ContextVar("claims", default=None)


def current_claims() -> dict:
    claims = _claims.get()
    if claims is None:
        raise RuntimeError("no verified claims in this context")
    return claims


async def _reject(request_or_iterator, context: grpc.aio.ServicerContext):
    await context.abort(grpc.StatusCode.UNAUTHENTICATED, "invalid or missing token")


class JwtInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, jwks_url: str, audience: str):
        self._jwks = jwt.PyJWKClient(jwks_url, cache_keys=True, lifespan=600)
        self._audience = audience

    def _deny(self, handler: grpc.RpcMethodHandler) -> grpc.RpcMethodHandler:
        if handler.request_streaming and handler.response_streaming:
            return grpc.stream_stream_rpc_method_handler(_reject)
        if handler.request_streaming:
            return grpc.stream_unary_rpc_method_handler(_reject)
        if handler.response_streaming:
            return grpc.unary_stream_rpc_method_handler(_reject)
        return grpc.unary_unary_rpc_method_handler(_reject)

    async def intercept_service(self, continuation, handler_call_details):
        handler = await continuation(handler_call_details)
        md = dict(handler_call_details.invocation_metadata or ())
        raw = md.get("authorization", "")
        if not raw.lower().startswith("bearer "):
            return self._deny(handler)
        token = raw[7:].strip()
        try:
            key = self._jwks.get_signing_key_from_jwt(token)
            claims = jwt.decode(token, key.key, algorithms=["RS256", "ES256"], audience=self._audience)
        except jwt.PyJWTError as exc:
            log.info("token rejected for %s: %s", handler_call_details.method, exc)
            return self._deny(handler)
        _claims.set(claims)
        return handler
