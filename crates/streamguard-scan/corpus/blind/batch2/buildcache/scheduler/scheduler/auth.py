import logging
import threading
import time

import grpc
import jwt
import requests

log = logging.getLogger(__name__)

_local = threading.local()


def current_principal() -> dict:
    return getattr(_local, "principal", {})


class TokenRegistry:
    """Validates worker/user tokens and answers revocation queries against the auth service."""

    def __init__(self, auth_url: str):
        self._url = auth_url.rstrip("/")
        self._keys = requests.get(f"{self._url}/v1/keys", timeout=10).json()

    def verify(self, token: str) -> dict:
        kid = jwt.get_unverified_header(token)["kid"]
        return jwt.decode(token, self._keys[kid], algorithms=["ES256"], audience="buildcache")

    def still_valid(self, principal: dict) -> bool:
        if principal.get("exp", 0) <= time.time():
            return False
        resp = requests.get(f"{self._url}/v1/revoked/{principal['jti']}", timeout=5)
        return resp.status_code == 404


def _deny(details):
    def handler(request_or_iterator, context):
        context.abort(grpc.StatusCode.UNAUTHENTICATED, details)

    return grpc.stream_stream_rpc_method_handler(handler)


class WorkerTokenInterceptor(grpc.ServerInterceptor):
    def __init__(self, registry: TokenRegistry):
        self._registry = registry

    def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        token = md.get("authorization", "").removeprefix("Bearer ")
        try:
            principal = self._registry.verify(token)
        except Exception:  # noqa: BLE001
            return _deny("invalid credentials")

        handler = continuation(handler_call_details)
        if handler is None:
            return None

        def bind(behavior):
            def wrapped(request_or_iterator, context):
                _local.principal = principal
                return behavior(request_or_iterator, context)

            return wrapped

        if handler.stream_stream:
            return grpc.stream_stream_rpc_method_handler(
                bind(handler.stream_stream), handler.request_deserializer, handler.response_serializer
            )
        if handler.unary_stream:
            return grpc.unary_stream_rpc_method_handler(
                bind(handler.unary_stream), handler.request_deserializer, handler.response_serializer
            )
        return handler


class PeriodicRecheck:
    """Re-validates the principal of a long-lived stream every `period` seconds and cancels it if invalid."""

    def __init__(self, registry: TokenRegistry, principal: dict, context, period: float = 60.0):
        self._registry = registry
        self._principal = principal
        self._context = context
        self._period = period
        self._stop = threading.Event()

    def start(self):
        threading.Thread(target=self._run, daemon=True, name="recheck").start()
        self._context.add_callback(self._stop.set)
        return self

    def _run(self):
        while not self._stop.wait(self._period):
            try:
                ok = self._registry.still_valid(self._principal)
            except requests.RequestException:
                log.warning("revocation check failed; keeping stream")
                continue
            if not ok:
                log.info("cancelling stream of %s", self._principal.get("sub"))
                self._context.cancel()
                return
