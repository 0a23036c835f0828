"""API keys of the substation relay: one key per site, loaded at start."""
import hashlib
import hmac
import json
import os

import grpc

KEYS_FILE = os.environ.get("RELAY_KEYS", "/etc/tidal/relay-keys.json")


def load_keys(path=KEYS_FILE):
    with open(path) as fh:
        # {"<sha256 hex of key>": {"site": "pentland-north", "role": "turbine"|"viewer"}}
        return json.load(fh)


class ApiKeyInterceptor(grpc.ServerInterceptor):
    def __init__(self, keys):
        self._keys = keys

    def intercept_service(self, continuation, handler_call_details):
        md = dict(handler_call_details.invocation_metadata)
        key = md.get("x-api-key", "")
        digest = hashlib.sha256(key.encode()).hexdigest()
        match = next((v for k, v in self._keys.items() if hmac.compare_digest(k, digest)), None)
        if match is None:
            def deny(request, context):
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "unknown api key")
            return grpc.unary_unary_rpc_method_handler(deny)
        return continuation(handler_call_details)


def key_entry(keys, context):
    md = dict(context.invocation_metadata())
    return keys.get(hashlib.sha256(md.get("x-api-key", "").encode()).hexdigest())
