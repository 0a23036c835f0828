"""Head-end systems authenticate with short HMAC tokens: base64(json).hex(hmac)."""
import base64
import hashlib
import hmac
import json
import os
import time

import grpc

_SECRET = os.environ.get("HEADEND_SECRET", "").encode()


def verify(token: str) -> dict | None:
    try:
        body_b64, sig = token.rsplit(".", 1)
        body = base64.urlsafe_b64decode(body_b64 + "==")
    except ValueError:
        return None
    expected = hmac.new(_SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, sig):
        return None
    claims = json.loads(body)
    if claims.get("exp", 0) < time.time():
        return None
    return claims


class HeadEndAuth(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation, details):
        md = dict(details.invocation_metadata or ())
        if verify(md.get("x-headend-token", "")) is None:
            async def deny(request_iterator, context):
                await context.abort(grpc.StatusCode.UNAUTHENTICATED, "bad or expired head-end token")
            return grpc.stream_stream_rpc_method_handler(deny)
        return await continuation(details)


def claims_of(context) -> dict:
    return verify(dict(context.invocation_metadata()).get("x-headend-token", "")) or {}
