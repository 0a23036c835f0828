"""Per-stream session: verified token, exp watchdog, NATS-pushed revocation, lifetime cap."""
import asyncio
import contextlib
import json
import logging
import time
from dataclasses import dataclass

import grpc
import jwt
import nats

log = logging.getLogger(__name__)

MAX_LIFETIME_S = 25 * 60
ISSUER = "https://iam.volcano-obs.example"
AUDIENCE = "gasnet"


@dataclass
class Claims:
    sub: str
    jti: str
    exp: float
    sectors: frozenset
    station: str | None


class RevocationHub:
    def __init__(self) -> None:
        self._waiters: dict[str, set[asyncio.Event]] = {}

    async def start(self, url: str) -> None:
        nc = await nats.connect(url)
        await nc.subscribe("iam.revocations", cb=self._on_msg)

    async def _on_msg(self, msg) -> None:
        data = json.loads(msg.data)
        for key in (data.get("jti"), data.get("sub")):
            for ev in self._waiters.get(key or "", ()):
                ev.set()

    def watch(self, claims: Claims) -> asyncio.Event:
        ev = asyncio.Event()
        self._waiters.setdefault(claims.jti, set()).add(ev)
        self._waiters.setdefault(claims.sub, set()).add(ev)
        return ev

    def unwatch(self, claims: Claims, ev: asyncio.Event) -> None:
        for key in (claims.jti, claims.sub):
            self._waiters.get(key, set()).discard(ev)


hub = RevocationHub()
_public_key: str | None = None


def load_key(path: str) -> None:
    global _public_key
    with open(path) as fh:
        _public_key = fh.read()


def _claims(context) -> Claims:
    md = dict(context.invocation_metadata())
    raw = md.get("authorization", "")
    if not raw.startswith("Bearer "):
        raise PermissionError("missing token")
    c = jwt.decode(raw[7:], _public_key, algorithms=["RS256"], issuer=ISSUER, audience=AUDIENCE, leeway=1)
    return Claims(c["sub"], c["jti"], float(c["exp"]), frozenset(c.get("sectors", [])), c.get("station"))


@contextlib.asynccontextmanager
async def open_session(context: grpc.aio.ServicerContext):
    try:
        claims = _claims(context)
    except Exception as exc:  # noqa: BLE001
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, str(exc))
    revoked = hub.watch(claims)
    task = asyncio.current_task()
    reason: list[tuple] = []

    async def watchdog():
        expiry = asyncio.create_task(asyncio.sleep(max(0.0, claims.exp - time.time())))
        lifetime = asyncio.create_task(asyncio.sleep(MAX_LIFETIME_S))
        revocation = asyncio.create_task(revoked.wait())
        done, pending = await asyncio.wait({expiry, lifetime, revocation}, return_when=asyncio.FIRST_COMPLETED)
        for p in pending:
            p.cancel()
        if revocation in done:
            reason.append((grpc.StatusCode.PERMISSION_DENIED, "token_revoked"))
        elif expiry in done:
            reason.append((grpc.StatusCode.UNAUTHENTICATED, "token_expired"))
        else:
            reason.append((grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime"))
        task.cancel()

    dog = asyncio.create_task(watchdog())
    try:
        yield claims
    except asyncio.CancelledError:
        if reason:
            await context.abort(*reason[0])
        raise
    finally:
        dog.cancel()
        hub.unwatch(claims, revoked)
