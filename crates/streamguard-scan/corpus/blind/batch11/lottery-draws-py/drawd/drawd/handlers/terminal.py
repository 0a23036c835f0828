import logging
import threading
import time

import grpc
import requests

from .. import config
from ..pb import lottery_pb2, lottery_pb2_grpc
from ..ratelimit import IdentityLimiter
from ..security import require_role

log = logging.getLogger(__name__)

LIMITER = IdentityLimiter(config.TERMINAL_OPS_PER_MINUTE)


def _audit(event: dict) -> None:
    # The audit service must get every payment; keep trying until it accepts.
    for attempt in range(10):
        try:
            requests.post(config.AUDIT_URL, json=event, timeout=10).raise_for_status()
            return
        except requests.RequestException:
            time.sleep(2 ** attempt)
    log.error("audit event lost: %s", event)


class Terminal:
    def __init__(self, ledger: lottery_pb2_grpc.PrizeLedgerStub):
        self.ledger = ledger

    @require_role("retailer")
    def RetailerTerminal(self, request_iterator, context, *, principal):
        for req in request_iterator:
            if req.retailer_id != principal.retailer_id:
                yield lottery_pb2.TerminalReply(request_id=req.request_id, status="PERMISSION_DENIED")
                continue
            if not LIMITER.allow(principal.retailer_id):
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
            op = req.WhichOneof("op")
            if op == "validate":
                v = self.ledger.Validate(req.validate, timeout=15)
                yield lottery_pb2.TerminalReply(request_id=req.request_id, status="OK", validation=v)
            elif op == "pay":
                pay = lottery_pb2.PayRequest(
                    ticket_serial=req.pay.ticket_serial,
                    retailer_id=principal.retailer_id,
                    prize_cents=req.pay.prize_cents,
                )
                reply = self.ledger.Pay(pay, timeout=15)
                threading.Thread(
                    target=_audit,
                    args=({"kind": "prize_paid", "serial": pay.ticket_serial, "retailer": principal.retailer_id,
                           "payment_id": reply.payment_id},),
                    daemon=True,
                ).start()
                yield lottery_pb2.TerminalReply(request_id=req.request_id, status="OK", payment_id=reply.payment_id)
            else:
                yield lottery_pb2.TerminalReply(request_id=req.request_id, status="INVALID_ARGUMENT")
