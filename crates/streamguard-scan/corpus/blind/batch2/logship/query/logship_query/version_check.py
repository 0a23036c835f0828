import grpc


def _reject(details):
    def handler(request, context):
        context.abort(grpc.StatusCode.FAILED_PRECONDITION, details)

    return grpc.unary_unary_rpc_method_handler(handler)


class ApiVersionInterceptor(grpc.ServerInterceptor):
    """Refuses clients older than the minimum supported API version."""

    def __init__(self, min_version):
        self._min = tuple(min_version)

    def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata or ())
        raw = md.get("x-logship-api-version", "1.0")
        try:
            version = tuple(int(p) for p in raw.split(".")[:2])
        except ValueError:
            return _reject(f"malformed api version {raw!r}")
        if version < self._min:
            return _reject(f"api version {raw} is no longer supported, upgrade to >= {self._min[0]}.{self._min[1]}")
        return continuation(handler_call_details)
