"""Circulation servicer: desk sessions, hold shelf, loan export."""
from __future__ import annotations

import logging
import time

import grpc

from lending import catalogue_client, db
from lending.auth import RevocationSet, StaffClaims, claims_from
from lending.gen import lending_pb2, lending_pb2_grpc

log = logging.getLogger(__name__)

HOLDS_POLL_S = 2.0
HOLDS_MAX_STREAM_S = 15 * 60
DEFAULT_QUERY_TIMEOUT_S = 10.0


def _remaining(context: grpc.ServicerContext, default: float) -> float:
    left = context.time_remaining()
    return default if left is None else max(0.0, left)


class CirculationService(lending_pb2_grpc.CirculationServicer):
    def __init__(self, revocations: RevocationSet):
        self._revocations = revocations

    def _still_valid(self, claims: StaffClaims, context: grpc.ServicerContext) -> None:
        if time.time() >= claims.exp:
            context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
        if self._revocations.revoked(claims):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")

    def CheckoutSession(self, request_iterator, context):
        claims = claims_from(context)
        desk_branch = None

        for cmd in request_iterator:
            kind = cmd.WhichOneof("command")
            if kind == "open_desk":
                if cmd.open_desk.branch_id not in claims.branches:
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, f"not staff at {cmd.open_desk.branch_id}")
                desk_branch = cmd.open_desk.branch_id
                log.info("desk %s opened at %s by %s", cmd.open_desk.desk_id, desk_branch, claims.sub)
                yield lending_pb2.CirculationResult(request_id=cmd.request_id, ok=True, message="desk open")
                continue

            if desk_branch is None:
                yield lending_pb2.CirculationResult(request_id=cmd.request_id, ok=False, message="open the desk first")
                continue

            try:
                if kind == "checkout":
                    c = cmd.checkout
                    receipt = catalogue_client.check_out(c.branch_id, c.patron_barcode, c.item_barcode)
                elif kind == "return_item":
                    r = cmd.return_item
                    receipt = catalogue_client.check_in(r.branch_id, r.item_barcode)
                elif kind == "renew":
                    r = cmd.renew
                    receipt = catalogue_client.renew(r.branch_id, r.patron_barcode, r.item_barcode)
                else:
                    yield lending_pb2.CirculationResult(request_id=cmd.request_id, ok=False, message="unknown command")
                    continue
            except grpc.RpcError as err:
                yield lending_pb2.CirculationResult(request_id=cmd.request_id, ok=False, message=err.details() or "ILS error")
                continue

            yield lending_pb2.CirculationResult(
                request_id=cmd.request_id, ok=receipt.ok, message=receipt.message, due_date=receipt.due_date
            )

    def WatchHolds(self, request, context):
        claims = claims_from(context)
        if request.branch_id not in claims.branches:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, f"not staff at {request.branch_id}")

        opened = time.monotonic()
        last_id = 0
        while context.is_active():
            self._still_valid(claims, context)
            if time.monotonic() - opened > HOLDS_MAX_STREAM_S:
                context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
            rows = db.new_holds(request.branch_id, last_id, _remaining(context, DEFAULT_QUERY_TIMEOUT_S))
            for row_id, hold_id, title, initials, slot, arrived in rows:
                last_id = row_id
                self._still_valid(claims, context)
                yield lending_pb2.HoldNotice(
                    hold_id=hold_id, item_title=title, patron_initials=initials, shelf_slot=slot, arrived_unix=arrived
                )
            time.sleep(HOLDS_POLL_S)

    def ExportLoans(self, request, context):
        claims = claims_from(context)
        if "stats" not in claims.roles or request.branch_id not in claims.branches:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "statistics role required for this branch")
        for loan_id, item, out, due, returned in db.loans_since(
            request.branch_id, request.since or "1970-01-01", _remaining(context, DEFAULT_QUERY_TIMEOUT_S)
        ):
            yield lending_pb2.LoanRecord(loan_id=loan_id, item_barcode=item, checked_out=out, due=due, returned=returned)

    def GetItem(self, request, context):
        claims_from(context)
        try:
            rec = catalogue_client.item(request.item_barcode, timeout=_remaining(context, DEFAULT_QUERY_TIMEOUT_S))
        except grpc.RpcError as err:
            context.abort(err.code(), err.details() or "catalogue error")
        return lending_pb2.Item(item_barcode=rec.item_barcode, title=rec.title, status=rec.status, branch_id=rec.branch_id)
