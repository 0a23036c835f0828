"""Per-stream session for voicers: verifies the JWT at open, then a watchdog
ends the stream at `exp`, on a revocation pushed over NATS, or at the
maximum session length — whichever comes first."""
import asyncio
import json
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass

import grpc
import jwt

from . import config


@dataclass(frozen=True)
class Voicer:
    sub: str
    jti: str
    exp: float
    scopes: frozenset
    organs: frozenset


with open(config.JWKS_FILE) as fh:
    _JWKS = jwt.PyJWKSet.from_dict(json.load(fh))


def _verify(context) -> Voicer:
    md = dict(context.invocation_metadata())
    raw = md.get("authorization", "")
    if not raw.startswith("Bearer "):
        raise PermissionError("missing token")
    header = jwt.get_unverified_header(raw[7:])
    key = next(k for k in _JWKS.keys if k.key_id == header.get("kid"))
    claims = jwt.decode(raw[7:], key.key, algorithms=["EdDSA", "ES256"], audience=config.AUDIENCE,
                        issuer=config.ISSUER, options={"require": ["exp", "sub", "jti"]}, leeway=1)
    return Voicer(claims["sub"], claims["jti"], float(claims["exp"]),
                  frozenset(claims.get("scope", "").split()), frozenset(claims.get("organs", [])))


class Revocations:
    """Filled by the NATS subscription started in server.py."""

    def __init__(self):
        self._waiters: dict[str, set[asyncio.Event]] = {}
        self.revoked: set[str] = set()

    def push(self, key: str):
        self.revoked.add(key)
        for ev in self._waiters.pop(key, set()):
            ev.set()

    def watch(self, v: Voicer) -> asyncio.Event:
        ev = asyncio.Event()
        for key in (f"jti:{v.jti}", f"sub:{v.sub}"):
            if key in self.revoked:
                ev.set()
            self._waiters.setdefault(key, set()).add(ev)
        return ev

    def forget(self, v: Voicer, ev: asyncio.Event):
        for key in (f"jti:{v.jti}", f"sub:{v.sub}"):
            self._waiters.get(key, set()).discard(ev)


revocations = Revocations()


@asynccontextmanager
async def open_session(context, scope: str):
    try:
        voicer = _verify(context)
    except Exception as exc:
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, f"invalid_token: {exc}")
    if scope not in voicer.scopes:
        await context.abort(grpc.StatusCode.PERMISSION_DENIED, "insufficient_scope")

    handler_task = asyncio.current_task()
    revoked = revocations.watch(voicer)
    reason: list[tuple] = []

    async def watchdog():
        exp_in = max(0.0, voicer.exp + 1 - time.time())
        waits = {
            asyncio.create_task(asyncio.sleep(exp_in)): (grpc.StatusCode.UNAUTHENTICATED, "token_expired"),
            asyncio.create_task(asyncio.sleep(config.MAX_SESSION_S)): (grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime"),
            asyncio.create_task(revoked.wait()): (grpc.StatusCode.PERMISSION_DENIED, "token_revoked"),
        }
        try:
            done, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for t in waits:
                t.cancel()
        reason.append(waits[next(iter(done))])
        handler_task.cancel()

    dog = asyncio.create_task(watchdog())
    try:
        yield voicer
    except asyncio.CancelledError:
        if reason:
            await context.abort(*reason[0])
        raise
    finally:
        dog.cancel()
        revocations.forget(voicer, revoked)
