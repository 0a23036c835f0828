"""Per-stream operator session: ends the stream at token expiry, on a pushed
revocation, or when the maximum lifetime is reached."""
import asyncio
import contextlib
import json
import time
from dataclasses import dataclass, field

import grpc
import jwt
import nats

from tidalgrid import config

_jwks = None
_live: set["Session"] = set()


def _keys():
    global _jwks
    if _jwks is None:
        with open(config.JWKS_FILE) as fh:
            _jwks = jwt.PyJWKSet.from_json(fh.read())
    return _jwks


@dataclass(eq=False)
class Session:
    sub: str
    jti: str
    exp: float
    arrays: frozenset
    scopes: frozenset
    revoked: asyncio.Event = field(default_factory=asyncio.Event)


async def start_revocations():
    nc = await nats.connect(config.NATS_URL)

    async def on_msg(msg):
        key = msg.data.decode()
        for s in list(_live):
            if key in (f"jti:{s.jti}", f"sub:{s.sub}"):
                s.revoked.set()

    await nc.subscribe("operators.revoked", cb=on_msg)
    return nc


def _verify(context) -> Session:
    md = dict(context.invocation_metadata())
    auth = md.get("authorization", "")
    if not auth.startswith("Bearer "):
        raise PermissionError("missing token")
    header = jwt.get_unverified_header(auth[7:])
    key = next(k for k in _keys().keys if k.key_id == header.get("kid"))
    c = jwt.decode(auth[7:], key.key, algorithms=["RS256"], audience=config.AUDIENCE,
                   issuer=config.ISSUER, leeway=1, options={"require": ["exp", "sub", "jti"]})
    return Session(sub=c["sub"], jti=c["jti"], exp=float(c["exp"]),
                   arrays=frozenset(c.get("arrays", [])), scopes=frozenset(c.get("scope", "").split()))


@contextlib.asynccontextmanager
async def open_session(context):
    try:
        s = _verify(context)
    except Exception as exc:  # noqa: BLE001
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, str(exc))
    _live.add(s)
    handler = asyncio.current_task()
    reason = {}

    async def watchdog():
        until_exp = s.exp - time.time()
        done, _ = await asyncio.wait(
            [asyncio.ensure_future(s.revoked.wait())],
            timeout=max(0.0, min(until_exp, config.MAX_STREAM_S)),
        )
        if done:
            reason["v"] = (grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
        elif until_exp <= config.MAX_STREAM_S:
            reason["v"] = (grpc.StatusCode.UNAUTHENTICATED, "token_expired")
        else:
            reason["v"] = (grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
        handler.cancel()

    dog = asyncio.create_task(watchdog())
    try:
        yield s
    except asyncio.CancelledError:
        if "v" in reason:
            await context.abort(*reason["v"])
        raise
    finally:
        dog.cancel()
        _live.discard(s)
