import grpc

from ..common.tokens import bearer, verify


def _deny(code, details):
    def abort(request, context):
        context.abort(code, details)
    return grpc.unary_unary_rpc_method_handler(abort)


class ClerkAuthInterceptor(grpc.ServerInterceptor):
    """Only back-office clerks (and their supervisors) reach the enforcement API."""

    def intercept_service(self, continuation, handler_call_details):
        token = bearer(handler_call_details.invocation_metadata)
        if token is None:
            return _deny(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
        try:
            caller = verify(token)
        except Exception as exc:  # noqa: BLE001
            return _deny(grpc.StatusCode.UNAUTHENTICATED, f"token rejected: {exc}")
        if caller.kind != "clerk":
            return _deny(grpc.StatusCode.PERMISSION_DENIED, "clerk token required")
        return continuation(handler_call_details)


def caller_of(context):
    return verify(bearer(context.invocation_metadata()))
