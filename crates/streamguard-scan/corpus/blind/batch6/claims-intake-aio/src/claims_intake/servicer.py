"""ClaimsIntake servicer."""
from __future__ import annotations

import asyncio
import hashlib
import logging

import aiohttp
import grpc

from claims_intake import docstore
from claims_intake.acl import ClaimAcl
from claims_intake.events import ClaimEvents
from claims_intake.gen import intake_pb2, intake_pb2_grpc
from claims_intake.limits import SlidingWindow
from claims_intake.payments import Disbursements, Letters
from claims_intake.principal import Principal, principal, still_active

log = logging.getLogger(__name__)

MAX_EVIDENCE_BYTES = 25 * 1024 * 1024
RECHECK_EVERY_S = 60
MAX_FOLLOW_S = 2 * 3600


class ClaimsIntakeService(intake_pb2_grpc.ClaimsIntakeServicer):
    def __init__(self, http: aiohttp.ClientSession, acl: ClaimAcl, events: ClaimEvents, disburse: Disbursements):
        self._http = http
        self._acl = acl
        self._events = events
        self._disburse = disburse
        self._letters = Letters(http)
        self._limiter = SlidingWindow(limit=30, window_s=60)

    async def UploadEvidence(self, request_iterator, context):
        p = await principal(context)
        first = None
        body = bytearray()
        async for chunk in request_iterator:
            if first is None:
                first = chunk
                if not await self._acl.can_view(p, chunk.claim_id):
                    await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"claim {chunk.claim_id} is not yours")
            body += chunk.data
            if len(body) > MAX_EVIDENCE_BYTES:
                await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "evidence larger than 25 MiB")
        if first is None:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "empty upload")

        evidence_id = await docstore.put_evidence(
            self._http, first.claim_id, first.filename, first.content_type or "application/octet-stream", bytes(body)
        )
        return intake_pb2.UploadReceipt(evidence_id=evidence_id, bytes=len(body), sha256=hashlib.sha256(body).hexdigest())

    async def _watch_token(self, p: Principal, revoked: asyncio.Event) -> None:
        while not revoked.is_set():
            await asyncio.sleep(RECHECK_EVERY_S)
            if p.expired or not await still_active(self._http, p):
                revoked.set()

    async def AdjusterDesk(self, request_iterator, context):
        p = await principal(context)
        if p.kind != "adjuster":
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "adjusters only")

        revoked = asyncio.Event()
        watcher = asyncio.create_task(self._watch_token(p, revoked))
        try:
            async for action in request_iterator:
                if revoked.is_set():
                    await context.abort(grpc.StatusCode.UNAUTHENTICATED, "token no longer active")
                if not self._limiter.allow(p.sub):
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
                if not await self._acl.can_act(p, action.claim_id):
                    yield intake_pb2.DeskEvent(
                        request_id=action.request_id, claim_id=action.claim_id, ok=False, status="PERMISSION_DENIED"
                    )
                    continue
                yield await self._apply(p, action, context)
        finally:
            watcher.cancel()

    async def _apply(self, p: Principal, action, context) -> intake_pb2.DeskEvent:
        kind = action.WhichOneof("action")
        ev = intake_pb2.DeskEvent(request_id=action.request_id, claim_id=action.claim_id)
        if kind == "approve":
            if action.approve.amount_cents > p.authority_cents:
                ev.ok, ev.status, ev.message = False, "PERMISSION_DENIED", "above your settlement authority"
                return ev
            receipt = await self._disburse.release(
                action.claim_id, action.approve.amount_cents, action.approve.payee_account, timeout=context.time_remaining()
            )
            # The letter must not hold up the desk: the adjuster moves on to the next claim.
            asyncio.create_task(
                self._letters.send(action.claim_id, "settlement_approved", amount_cents=action.approve.amount_cents, reference=receipt.reference)
            )
            ev.ok, ev.status = True, "APPROVED"
        elif kind == "deny":
            asyncio.create_task(self._letters.send(action.claim_id, "claim_denied", reason=action.deny.reason_code))
            ev.ok, ev.status = True, "DENIED"
        elif kind == "request_documents":
            asyncio.create_task(self._letters.send(action.claim_id, "documents_requested", kinds=list(action.request_documents.kinds)))
            ev.ok, ev.status = True, "PENDING_DOCUMENTS"
        elif kind == "note":
            log.info("note on %s by %s: %s", action.claim_id, p.sub, action.note.text[:200])
            ev.ok, ev.status = True, "NOTED"
        else:
            ev.ok, ev.status = False, "INVALID_ARGUMENT"
        return ev

    async def FollowClaim(self, request, context):
        p = await principal(context)
        if not await self._acl.can_view(p, request.claim_id):
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "not your claim")

        queue = self._events.subscribe(request.claim_id)
        try:
            async with asyncio.timeout(MAX_FOLLOW_S):
                while True:
                    state, message, unix_ms = await queue.get()
                    yield intake_pb2.ClaimEvent(claim_id=request.claim_id, state=state, message=message, unix_ms=unix_ms)
                    if state in ("CLOSED", "WITHDRAWN"):
                        return
        except TimeoutError:
            await context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
        finally:
            self._events.unsubscribe(request.claim_id, queue)
