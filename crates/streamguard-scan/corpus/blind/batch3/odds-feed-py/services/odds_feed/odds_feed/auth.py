import asyncio
import contextlib
import logging
from dataclasses import dataclass, field

import aiohttp
import grpc

from .config import Config

log = logging.getLogger(__name__)


@dataclass
class Principal:
    sub: str
    token: str
    account: str
    scopes: frozenset = field(default_factory=frozenset)
    markets: frozenset = field(default_factory=frozenset)


class Introspector:
    def __init__(self, cfg: Config):
        self._cfg = cfg
        self._session: aiohttp.ClientSession | None = None

    async def _post(self, token: str) -> dict:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                auth=aiohttp.BasicAuth(self._cfg.introspection_client, self._cfg.introspection_secret)
            )
        async with self._session.post(self._cfg.introspection_url, data={"token": token}) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def authenticate(self, context: grpc.aio.ServicerContext) -> Principal:
        md = dict(context.invocation_metadata())
        auth = md.get("authorization", "")
        if not auth.lower().startswith("bearer "):
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
        token = auth[7:].strip()
        info = await self._post(token)
        if not info.get("active"):
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "inactive token")
        return Principal(
            sub=info["sub"],
            token=token,
            account=info.get("account", info["sub"]),
            scopes=frozenset(info.get("scope", "").split()),
            markets=frozenset(info.get("markets", [])),
        )

    @contextlib.asynccontextmanager
    async def recheck(self, principal: Principal):
        """Re-introspect periodically; the yielded event is set once the token stops being active."""
        revoked = asyncio.Event()

        async def loop():
            while True:
                await asyncio.sleep(self._cfg.recheck_seconds)
                try:
                    info = await self._post(principal.token)
                except aiohttp.ClientError as exc:
                    log.warning("introspection failed for %s: %s", principal.sub, exc)
                    continue
                if not info.get("active"):
                    revoked.set()
                    return

        task = asyncio.create_task(loop())
        try:
            yield revoked
        finally:
            task.cancel()
