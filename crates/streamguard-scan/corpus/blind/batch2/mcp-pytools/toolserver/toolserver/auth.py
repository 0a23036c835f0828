import json
import os
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

import grpc
import jwt


@dataclass(frozen=True)
class Principal:
    sub: str
    jti: str
    exp: float
    scopes: frozenset


class RevocationList:
    """In-process revocation set; the admin endpoint pushes into it and live sessions get called back."""

    def __init__(self):
        self._revoked: set[str] = set()
        self._listeners: dict[str, list] = defaultdict(list)
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls):
        inst = cls()
        path = os.environ.get("MCP_REVOKED_FILE")
        if path and os.path.exists(path):
            with open(path) as fh:
                inst._revoked.update(line.strip() for line in fh if line.strip())
        return inst

    def is_revoked(self, p: Principal) -> bool:
        return f"jti:{p.jti}" in self._revoked or f"sub:{p.sub}" in self._revoked

    def revoke(self, key: str) -> None:
        with self._lock:
            self._revoked.add(key)
            callbacks = self._listeners.pop(key, [])
        for cb in callbacks:
            cb()

    def on_revoke(self, p: Principal, callback) -> None:
        with self._lock:
            self._listeners[f"jti:{p.jti}"].append(callback)
            self._listeners[f"sub:{p.sub}"].append(callback)


class Authenticator:
    def __init__(self, jwks_path: str, audience: str, revocations: RevocationList):
        with open(jwks_path) as fh:
            self._jwks = {k["kid"]: jwt.PyJWK(k) for k in json.load(fh)["keys"]}
        self._aud = audience
        self._revocations = revocations

    def authenticate(self, context) -> Principal:
        md = dict(context.invocation_metadata())
        header = md.get("authorization", "")
        if not header.startswith("Bearer "):
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
        token = header[7:]
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            claims = jwt.decode(token, self._jwks[kid].key, algorithms=["RS256", "ES256"], audience=self._aud, leeway=1)
        except (KeyError, jwt.PyJWTError) as exc:
            context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
        scopes = claims.get("scope", "").split() or claims.get("scp", [])
        p = Principal(claims["sub"], claims["jti"], float(claims["exp"]), frozenset(scopes))
        if self._revocations.is_revoked(p):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
        return p


def bind_session(context, principal: Principal, revocations: RevocationList) -> threading.Timer:
    """Cancels the RPC when the token expires or is revoked."""
    timer = threading.Timer(max(0.0, principal.exp + 1 - time.time()), context.cancel)
    timer.daemon = True
    timer.start()
    revocations.on_revoke(principal, context.cancel)
    context.add_callback(timer.cancel)
    return timer
