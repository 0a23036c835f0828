"""open_vat_session: verifies the token and runs a watchdog that ends the call at exp,
on a NATS-pushed revocation and at the maximum stream lifetime."""
import asyncio
import contextlib
import json
import time

import grpc
import jwt
import nats

from . import settings

_watchers: dict[str, set[asyncio.Event]] = {}


async def start_revocation_feed() -> None:
    nc = await nats.connect(settings.NATS_URL)

    async def on_msg(msg):
        data = json.loads(msg.data)
        for key in (f"jti:{data.get('jti')}", f"sub:{data.get('sub')}"):
            for ev in _watchers.get(key, ()):
                ev.set()

    await nc.subscribe("cellar.revocations", cb=on_msg)


class VatSession:
    def __init__(self, claims: dict):
        self.sub = claims["sub"]
        self.jti = claims["jti"]
        self.exp = claims["exp"]
        self.scopes = set(claims.get("scope", "").split())
        self.vats = set(claims.get("vats", []))

    def may(self, scope: str, vat_id: str) -> bool:
        return scope in self.scopes and vat_id in self.vats


@contextlib.asynccontextmanager
async def open_vat_session(context: grpc.aio.ServicerContext):
    md = dict(context.invocation_metadata())
    try:
        claims = jwt.decode(md.get("authorization", "").removeprefix("Bearer "), settings.JWT_SECRET,
                            algorithms=["HS256"], audience="cellar", leeway=1,
                            options={"require": ["exp", "sub", "jti"]})
    except jwt.PyJWTError:
        await context.abort(grpc.StatusCode.UNAUTHENTICATED, "invalid_token")
    session = VatSession(claims)
    revoked = asyncio.Event()
    keys = (f"jti:{session.jti}", f"sub:{session.sub}")
    for k in keys:
        _watchers.setdefault(k, set()).add(revoked)
    task = asyncio.current_task()
    reason: list[tuple] = []

    async def watchdog():
        opened = time.monotonic()
        while True:
            until_exp = session.exp - time.time()
            until_cap = settings.MAX_STREAM_S - (time.monotonic() - opened)
            try:
                await asyncio.wait_for(revoked.wait(), timeout=max(0.0, min(until_exp, until_cap)))
                reason.append((grpc.StatusCode.PERMISSION_DENIED, "token_revoked"))
            except asyncio.TimeoutError:
                if time.time() >= session.exp:
                    reason.append((grpc.StatusCode.UNAUTHENTICATED, "token_expired"))
                else:
                    reason.append((grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime"))
            task.cancel()
            return

    dog = asyncio.create_task(watchdog())
    try:
        yield session
    except asyncio.CancelledError:
        if reason:
            await context.abort(*reason[0])
        raise
    finally:
        dog.cancel()
        for k in keys:
            _watchers.get(k, set()).discard(revoked)
