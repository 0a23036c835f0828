import logging
import queue
import time

import grpc
import psycopg

from ..gen import tolling_pb2, tolling_pb2_grpc
from .auth import caller_of
from .revocation_check import RevocationCheck

log = logging.getLogger(__name__)

RECHECK_EVERY_S = 60.0
PULL_WAIT_S = 2.0


class EnforcementServicer(tolling_pb2_grpc.EnforcementServicer):
    def __init__(self, dsn: str, dmv: tolling_pb2_grpc.DmvStub, work: "queue.Queue") -> None:
        self._dsn = dsn
        self._dmv = dmv
        self._work = work
        self._revocations = RevocationCheck(dsn)

    def GetAccount(self, request, context):
        with psycopg.connect(self._dsn) as conn:
            row = conn.execute("SELECT holder, balance FROM accounts WHERE id = %s", (request.account_id,)).fetchone()
        if row is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"no account {request.account_id}")
        return tolling_pb2.Account(account_id=request.account_id, holder=row[0], balance=float(row[1]))

    def ReviewQueue(self, request_iterator, context):
        """Clerks work the queue all shift: the server pushes the next violation,
        the clerk answers with a decision, and so on."""
        caller = caller_of(context)
        last_check = time.monotonic()
        pending = self._next(caller, context)
        if pending is None:
            return
        yield pending
        for decision in request_iterator:
            if time.monotonic() - last_check >= RECHECK_EVERY_S:
                if time.time() >= caller.exp or self._revocations.revoked(caller):
                    context.abort(grpc.StatusCode.UNAUTHENTICATED, "session no longer valid; sign in again")
                last_check = time.monotonic()
            if decision.region not in caller.regions:
                context.abort(grpc.StatusCode.PERMISSION_DENIED, f"region {decision.region} is not yours")
            self._record(decision, caller.sub)
            pending = self._next(caller, context)
            if pending is None:
                return
            yield pending

    def _next(self, caller, context):
        while context.is_active():
            try:
                v = self._work.get(timeout=PULL_WAIT_S)
            except queue.Empty:
                continue
            if v["region"] not in caller.regions:
                self._work.put(v)
                continue
            remaining = context.time_remaining()
            owner = self._dmv.LookupOwner(
                tolling_pb2.LookupOwnerRequest(plate=v["plate"], region=v["region"]),
                timeout=remaining if remaining is not None else 10.0,
            )
            return tolling_pb2.Violation(
                violation_id=v["id"], plate=v["plate"], region=v["region"], gantry_id=v["gantry"], unix_ms=v["at"], owner=owner.owner, status="PENDING",
            )
        return None

    def _record(self, decision, clerk: str) -> None:
        with psycopg.connect(self._dsn) as conn:
            conn.execute(
                "UPDATE violations SET status = %s, corrected_plate = NULLIF(%s, ''), decided_by = %s, decided_at = now() WHERE id = %s",
                (decision.decision, decision.corrected_plate, clerk, decision.violation_id),
            )

    def ExportViolations(self, request, context):
        caller = caller_of(context)
        if request.region not in caller.regions:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, f"region {request.region} is not yours")
        remaining = context.time_remaining()
        with psycopg.connect(self._dsn) as conn:
            if remaining is not None:
                conn.execute(f"SET statement_timeout = {max(1, int(remaining * 1000))}")
            cur = conn.cursor(name="export")
            cur.itersize = 1000
            cur.execute(
                "SELECT id, plate, region, gantry_id, at_ms, owner, status FROM violations WHERE region = %s AND at_ms BETWEEN %s AND %s ORDER BY at_ms",
                (request.region, request.from_unix_ms, request.to_unix_ms),
            )
            for r in cur:
                if not context.is_active():
                    return
                yield tolling_pb2.Violation(violation_id=r[0], plate=r[1], region=r[2], gantry_id=r[3], unix_ms=r[4], owner=r[5] or "", status=r[6])
