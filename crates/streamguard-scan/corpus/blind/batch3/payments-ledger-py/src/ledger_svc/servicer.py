import logging
import queue
from concurrent.futures import ThreadPoolExecutor

import grpc

from . import auth
from .clients import risk
from .gen import ledger_pb2, ledger_pb2_grpc
from .ratelimit import WindowCounter
from .settings import settings

log = logging.getLogger(__name__)


def _owns(claims, account_id):
    return account_id in set(claims.get("accounts", ()))


class LedgerServicer(ledger_pb2_grpc.LedgerServicer):
    def __init__(self, ledger, feed, fx):
        self._ledger = ledger
        self._feed = feed
        self._fx = fx
        self._peer_limiter = WindowCounter(settings.payments_per_minute)
        self._risk_pool = ThreadPoolExecutor(max_workers=16, thread_name_prefix="risk")

    def GetBalance(self, request, context):
        claims = auth.claims(context)
        if not _owns(claims, request.account_id):
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown account")
        row = self._ledger.balance(request.account_id, timeout_s=context.time_remaining())
        if row is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown account")
        return ledger_pb2.Balance(account_id=request.account_id, minor_units=row[0], currency=row[1])

    def ListStatements(self, request, context):
        claims = auth.claims(context)
        if not _owns(claims, request.account_id):
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown account")
        limit = min(request.limit or 12, 120)
        rows = self._ledger.statements(
            request.account_id,
            limit,
            timeout_s=context.time_remaining(),
            register_cancel=context.add_callback,
        )
        for statement_id, period, closing in rows:
            yield ledger_pb2.Statement(statement_id=statement_id, period=period, closing_minor=closing)

    def StreamTransactions(self, request, context):
        claims = auth.claims(context)
        account = request.account_id
        if not _owns(claims, account):
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown account")

        inflight = []
        context.add_callback(lambda: [f.cancel() for f in inflight])
        q = self._feed.subscribe(account)
        try:
            while context.is_active():
                try:
                    txn = q.get(timeout=1.0)
                except queue.Empty:
                    continue
                display_amount, display_ccy = txn.amount_minor, txn.currency
                if request.display_currency and request.display_currency != txn.currency:
                    fut = self._fx.convert_future(
                        txn.amount_minor, txn.currency, request.display_currency, timeout=context.time_remaining()
                    )
                    inflight.append(fut)
                    try:
                        display_amount = fut.result().amount_minor
                        display_ccy = request.display_currency
                    except grpc.FutureCancelledError:
                        return
                    except grpc.RpcError as exc:
                        log.warning("fx conversion failed: %s", exc.code())
                    finally:
                        inflight.remove(fut)
                yield ledger_pb2.Transaction(
                    txn_id=txn.txn_id,
                    account_id=txn.account_id,
                    amount_minor=txn.amount_minor,
                    currency=txn.currency,
                    display_amount_minor=display_amount,
                    display_currency=display_ccy,
                    counterparty=txn.counterparty,
                    booked_ms=txn.booked_ms,
                )
        finally:
            self._feed.unsubscribe(account, q)

    def _score_and_post(self, instruction, submitter):
        risk.score(instruction, submitter)
        self._ledger.post_payment(instruction, submitter)

    def SubmitPayments(self, request_iterator, context):
        claims = auth.claims(context)
        peer = context.peer()
        authorized = False
        pending = []
        count = 0

        for instruction in request_iterator:
            count += 1
            if count > settings.max_batch:
                context.abort(grpc.StatusCode.INVALID_ARGUMENT, "batch too large")
            if not self._peer_limiter.hit(peer):
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "payment rate exceeded")
            if not authorized:
                if not _owns(claims, instruction.from_account):
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, "account not permitted")
                authorized = True
            pending.append(
                (instruction.idempotency_key, self._risk_pool.submit(self._score_and_post, instruction, claims["sub"]))
            )

        accepted, errors = 0, []
        for key, fut in pending:
            try:
                fut.result()
                accepted += 1
            except risk.RiskRejected as exc:
                errors.append(f"{key}: {exc}")
            except Exception as exc:  # noqa: BLE001
                log.exception("payment %s failed", key)
                errors.append(f"{key}: internal error")
        return ledger_pb2.BatchResult(accepted=accepted, rejected=len(errors), errors=errors)
