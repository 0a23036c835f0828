import logging

import grpc
import jwt

from .settings import settings

log = logging.getLogger(__name__)

_PUBLIC_KEY = None


def _key():
    global _PUBLIC_KEY
    if _PUBLIC_KEY is None:
        with open(settings.jwt_public_key_path, "rb") as fh:
            _PUBLIC_KEY = fh.read()
    return _PUBLIC_KEY


def _bearer(metadata):
    for key, value in metadata or ():
        if key == "authorization" and value.lower().startswith("bearer "):
            return value[7:].strip()
    return None


def _deny(code, details):
    def abort(request, context):
        context.abort(code, details)

    def abort_stream(request_iterator, context):
        context.abort(code, details)

    return abort, abort_stream


class JwtAuthInterceptor(grpc.ServerInterceptor):
    """Verifies the bearer token before the handler runs."""

    def __init__(self, exempt=("/grpc.health.v1.Health/Check",)):
        self._exempt = set(exempt)

    def intercept_service(self, continuation, handler_call_details):
        if handler_call_details.method in self._exempt:
            return continuation(handler_call_details)
        token = _bearer(handler_call_details.invocation_metadata)
        try:
            jwt.decode(
                token or "",
                _key(),
                algorithms=["RS256"],
                audience=settings.jwt_audience,
                issuer=settings.jwt_issuer,
                options={"require": ["exp", "sub"]},
            )
        except jwt.PyJWTError as exc:
            log.info("rejecting %s: %s", handler_call_details.method, exc)
            unary, stream = _deny(grpc.StatusCode.UNAUTHENTICATED, "invalid token")
            handler = continuation(handler_call_details)
            if handler is None:
                return None
            if handler.request_streaming:
                if handler.response_streaming:
                    return grpc.stream_stream_rpc_method_handler(stream)
                return grpc.stream_unary_rpc_method_handler(stream)
            if handler.response_streaming:
                return grpc.unary_stream_rpc_method_handler(unary)
            return grpc.unary_unary_rpc_method_handler(unary)
        return continuation(handler_call_details)


def claims(context):
    """Claims of a token the interceptor has already verified."""
    token = _bearer(context.invocation_metadata())
    return jwt.decode(token, options={"verify_signature": False})
