import json
import threading

import grpc
import jwt


def _abort(code, details):
    def terminate(ignored_request, context):
        context.abort(code, details)

    return grpc.unary_unary_rpc_method_handler(terminate)


def _abort_stream(code, details):
    def terminate(request_iterator, context):
        context.abort(code, details)

    return grpc.stream_unary_rpc_method_handler(terminate)


class _Claims(threading.local):
    value = None


current_claims = _Claims()


class JwtAuthInterceptor(grpc.ServerInterceptor):
    """Validates the agent bearer token and exposes the claims to the servicer."""

    def __init__(self, jwks_path: str):
        with open(jwks_path) as fh:
            jwks = json.load(fh)
        self._keys = {k["kid"]: jwt.PyJWK(k) for k in jwks["keys"]}

    def _verify(self, token: str) -> dict:
        kid = jwt.get_unverified_header(token).get("kid")
        key = self._keys.get(kid)
        if key is None:
            raise jwt.InvalidTokenError("unknown kid")
        return jwt.decode(token, key.key, algorithms=["ES256"], audience="logship")

    def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        auth = md.get("authorization", "")
        if not auth.startswith("Bearer "):
            return _abort_stream(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
        try:
            claims = self._verify(auth[len("Bearer "):])
        except jwt.PyJWTError as exc:
            return _abort_stream(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")

        handler = continuation(handler_call_details)
        if handler is None or handler.stream_unary is None:
            return handler

        inner = handler.stream_unary

        def with_claims(request_iterator, context):
            current_claims.value = claims
            try:
                return inner(request_iterator, context)
            finally:
                current_claims.value = None

        return grpc.stream_unary_rpc_method_handler(
            with_claims,
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )
