import os
import time
from dataclasses import dataclass, field

import grpc
import jwt

from . import revocations

JWT_SECRET = os.environ.get("MCP_JWT_SECRET", "")
JWT_AUDIENCE = os.environ.get("MCP_JWT_AUDIENCE", "https://mcp.tools.internal")
LEEWAY_S = 1


class Unauthenticated(Exception):
    pass


@dataclass
class Session:
    sub: str
    jti: str
    exp: int
    scopes: frozenset = field(default_factory=frozenset)

    def expired(self) -> bool:
        return time.time() > self.exp + LEEWAY_S

    def check(self, context):
        if self.expired():
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
        if revocations.is_revoked(self.jti, self.sub):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")

    def allows(self, scope: str) -> bool:
        return scope in self.scopes


def verify_bearer(context) -> Session:
    md = dict(context.invocation_metadata())
    header = md.get("authorization", "")
    if not header.lower().startswith("bearer "):
        context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
    try:
        claims = jwt.decode(
            header[7:].strip(),
            JWT_SECRET,
            algorithms=["HS256"],
            audience=JWT_AUDIENCE,
            leeway=LEEWAY_S,
            options={"require": ["exp", "sub", "jti"]},
        )
    except jwt.PyJWTError as exc:
        context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid token: {exc}")
    session = Session(
        sub=claims["sub"],
        jti=claims["jti"],
        exp=int(claims["exp"]),
        scopes=frozenset(claims.get("scope", "").split()),
    )
    session.check(context)
    return session
