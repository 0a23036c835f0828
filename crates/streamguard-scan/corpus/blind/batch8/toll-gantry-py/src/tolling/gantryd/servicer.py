import asyncio
import logging

import grpc

from ..common.tokens import bearer, verify
from ..gen import tolling_pb2, tolling_pb2_grpc
from .limits import GantryBudget
from .session import GantrySession

log = logging.getLogger(__name__)


class GantriesServicer(tolling_pb2_grpc.GantriesServicer):
    def __init__(self, accounts: tolling_pb2_grpc.AccountsStub, hotlist, budget: GantryBudget) -> None:
        self._accounts = accounts
        self._hotlist = hotlist
        self._budget = budget

    async def _caller(self, context, kind: str):
        token = bearer(context.invocation_metadata())
        if token is None:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "missing bearer token")
        try:
            caller = verify(token)
        except Exception as exc:  # noqa: BLE001
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, f"token rejected: {exc}")
        if caller.kind != kind:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"{kind} token required")
        return caller

    async def ReportPassages(self, request_iterator, context):
        caller = await self._caller(context, "gantry")
        async with GantrySession(context, caller) as session:
            async for p in request_iterator:
                if not self._budget.allow(caller.gantry_id):
                    yield tolling_pb2.PassageAck(passage_id=p.passage_id, outcome="SHED")
                    continue
                # Reads are attributed to the token's gantry, whatever the frame says.
                try:
                    acct = await self._accounts.Lookup(tolling_pb2.LookupRequest(plate=p.plate, region=p.region), timeout=session.remaining())
                except grpc.aio.AioRpcError as exc:
                    log.warning("accounts lookup for %s: %s", caller.gantry_id, exc.code())
                    yield tolling_pb2.PassageAck(passage_id=p.passage_id, outcome="RETRY")
                    continue
                if await self._hotlist.check(p.plate, p.region):
                    await self._hotlist.publish_hit(p.plate, caller.gantry_id, p.unix_ms)
                yield tolling_pb2.PassageAck(passage_id=p.passage_id, outcome="TAG" if acct.has_tag else "VIDEO")

    async def WatchPlates(self, request, context):
        caller = await self._caller(context, "officer")
        corridors = [c for c in request.corridors if c in caller.regions]
        if not corridors:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "no corridor in your regions")
        async with GantrySession(context, caller):
            queue: asyncio.Queue = asyncio.Queue(maxsize=256)
            unsubscribe = await self._hotlist.subscribe(corridors, queue)
            try:
                while True:
                    hit = await queue.get()
                    yield tolling_pb2.PlateHit(plate=hit["plate"], gantry_id=hit["gantry"], reason=hit["reason"], unix_ms=hit["at"])
            finally:
                await unsubscribe()
