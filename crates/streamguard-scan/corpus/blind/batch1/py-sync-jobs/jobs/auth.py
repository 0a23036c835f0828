from __future__ import annotations

import os

import grpc
import jwt

_JWKS_URL = os.environ.get("JOBS_JWKS_URL", "https://sso.corp.example/oauth2/v1/keys")
_jwks = jwt.PyJWKClient(_JWKS_URL, cache_keys=True, lifespan=600)

_UNAUTHENTICATED = grpc.StatusCode.UNAUTHENTICATED


def _deny(message):
    def handler(request, context):
        context.abort(_UNAUTHENTICATED, message)

    return grpc.unary_unary_rpc_method_handler(handler)


def _token(metadata):
    for key, value in metadata:
        if key == "authorization":
            scheme, _, token = value.partition(" ")
            if scheme.lower() == "bearer" and token:
                return token
    return None


class JwtInterceptor(grpc.ServerInterceptor):
    def __init__(self, audience: str):
        self._audience = audience

    def intercept_service(self, continuation, handler_call_details):
        token = _token(handler_call_details.invocation_metadata)
        if not token:
            return _deny("authorization required")
        try:
            signing_key = _jwks.get_signing_key_from_jwt(token)
            jwt.decode(token, signing_key.key, algorithms=["RS256"], audience=self._audience)
        except Exception:
            return _deny("invalid token")
        return continuation(handler_call_details)


def claims_of(context) -> dict:
    token = _token(context.invocation_metadata())
    return jwt.decode(token, options={"verify_signature": False})
