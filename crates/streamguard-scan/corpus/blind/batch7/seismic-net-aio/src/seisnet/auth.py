"""Caller authentication: analysts and downstream consumers carry JWTs, stations an HMAC token."""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass

import grpc
import jwt

from seisnet.config import settings

_PUBLIC_KEY = None


def _public_key() -> str:
    global _PUBLIC_KEY
    if _PUBLIC_KEY is None:
        with open(settings.jwt_public_key_file) as fh:
            _PUBLIC_KEY = fh.read()
    return _PUBLIC_KEY


def _bearer(metadata) -> str | None:
    for key, value in metadata or ():
        if key == "authorization" and value.startswith("Bearer "):
            return value[len("Bearer "):]
    return None


def verify_jwt(token: str) -> dict:
    return jwt.decode(
        token,
        _public_key(),
        algorithms=["RS256"],
        audience=settings.jwt_audience,
        issuer=settings.jwt_issuer,
        leeway=1,
        options={"require": ["exp", "sub"]},
    )


class JwtInterceptor(grpc.aio.ServerInterceptor):
    """Refuses calls without a valid bearer token, except for the station ingest method,
    which authenticates stations with their own token (see `verify_station`)."""

    def __init__(self, exempt: set[str]):
        self._exempt = exempt

    async def intercept_service(self, continuation, handler_call_details):
        if handler_call_details.method in self._exempt:
            return await continuation(handler_call_details)
        token = _bearer(handler_call_details.invocation_metadata)
        try:
            if token is None:
                raise jwt.InvalidTokenError("missing bearer token")
            verify_jwt(token)
        except jwt.InvalidTokenError as exc:
            return _deny(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
        return await continuation(handler_call_details)


def _deny(code, details):
    async def abort(request, context):
        await context.abort(code, details)

    return grpc.unary_unary_rpc_method_handler(abort)


def caller(context: grpc.aio.ServicerContext) -> dict:
    """Claims of a call the interceptor has already verified."""
    token = _bearer(context.invocation_metadata())
    return jwt.decode(token, options={"verify_signature": False})


@dataclass(frozen=True)
class StationIdentity:
    network: str
    station: str
    expires: int


def verify_station(metadata) -> StationIdentity:
    """`x-station-token: NET.STA.<expires>.<hex hmac-sha256>` issued by the network operations desk."""
    token = dict(metadata or ()).get("x-station-token", "")
    try:
        net, sta, expires, mac = token.split(".")
        exp = int(expires)
    except ValueError:
        raise PermissionError("malformed station token") from None
    with open(settings.station_key_file, "rb") as fh:
        key = fh.read().strip()
    expected = hmac.new(key, f"{net}.{sta}.{exp}".encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, mac):
        raise PermissionError("bad station token signature")
    if exp < time.time():
        raise PermissionError("station token expired")
    return StationIdentity(net, sta, exp)
