import logging
import threading

import grpc

from .gen import settle_pb2, settle_pb2_grpc

log = logging.getLogger(__name__)

MAX_RESULTS = 2000


class SettlementService(settle_pb2_grpc.SettlementServicer):
    def __init__(self, ledger):
        self._ledger = ledger
        self._lock = threading.Lock()
        self._summaries = {}

    def GetSettlement(self, request, context):
        with self._lock:
            summary = self._summaries.get(request.event_id)
        if summary is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "event not settled")
        return summary

    def SettleEvents(self, request_iterator, context):
        inflight = set()

        def cancel_all():
            for f in list(inflight):
                f.cancel()

        context.add_callback(cancel_all)
        markets = bets = paid = 0
        last_event = None
        for n, result in enumerate(request_iterator, start=1):
            if n > MAX_RESULTS:
                context.abort(grpc.StatusCode.INVALID_ARGUMENT, "too many results in one batch")
            fut = self._ledger.post_future(result, timeout=context.time_remaining())
            inflight.add(fut)
            try:
                resp = fut.result()
            except grpc.FutureCancelledError:
                return settle_pb2.SettlementSummary()
            finally:
                inflight.discard(fut)
            markets += 1
            bets += resp.bets
            paid += resp.paid_out_minor
            last_event = result.event_id
        summary = settle_pb2.SettlementSummary(markets=markets, bets_settled=bets, paid_out_minor=paid)
        if last_event:
            with self._lock:
                self._summaries[last_event] = summary
        return summary
