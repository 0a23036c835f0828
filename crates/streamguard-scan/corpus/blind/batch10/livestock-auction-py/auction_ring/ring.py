import logging
import time

import grpc

from . import credit, settings, store
from .gen import ring_pb2, ring_pb2_grpc
from .rate import PeerRate
from .security import require_role, scale_yard, still_valid

log = logging.getLogger(__name__)


class RingServicer(ring_pb2_grpc.RingServicer):
    def __init__(self):
        self.rate = PeerRate(settings.BIDS_PER_SECOND)

    @require_role("bidder")
    def BidderSession(self, request_iterator, context, bidder):
        peer = context.peer()
        sale_id = None
        try:
            for msg in request_iterator:
                if msg.HasField("join"):
                    with store.conn_for(context) as conn:
                        if not store.registered(conn, msg.join.sale_id, bidder.buyer_no):
                            context.abort(grpc.StatusCode.PERMISSION_DENIED, "not registered for this sale")
                    sale_id = msg.join.sale_id
                    yield ring_pb2.RingEvent(sale_id=sale_id, kind="JOINED")
                    continue
                if sale_id is None:
                    context.abort(grpc.StatusCode.FAILED_PRECONDITION, "join a sale first")
                if not self.rate.allow(peer):
                    yield ring_pb2.RingEvent(sale_id=sale_id, lot_id=msg.bid.lot_id, kind="REJECTED", detail="slow down")
                    continue
                bid = msg.bid
                if not credit.approve(bidder.buyer_no, bid.amount_cents):
                    yield ring_pb2.RingEvent(sale_id=sale_id, lot_id=bid.lot_id, kind="REJECTED", detail="credit")
                    continue
                with store.conn_for(context) as conn:
                    ok = store.place_bid(conn, bid.lot_id, bidder.buyer_no, bid.amount_cents)
                kind = "BID" if ok else "REJECTED"
                yield ring_pb2.RingEvent(sale_id=sale_id, lot_id=bid.lot_id, kind=kind, amount_cents=bid.amount_cents)
        finally:
            self.rate.drop(peer)

    @require_role("viewer")
    def WatchSale(self, request, context, bidder):
        last = None
        while context.is_active():
            still_valid(bidder, context)
            with store.conn_for(context) as conn:
                state = store.ring_state(conn, request.sale_id)
            if state is None:
                context.abort(grpc.StatusCode.NOT_FOUND, "no such sale")
            lot_id, status, high, closed = state
            if closed:
                yield ring_pb2.RingEvent(sale_id=request.sale_id, kind="SALE_CLOSED")
                return
            if (lot_id, status, high) != last:
                last = (lot_id, status, high)
                yield ring_pb2.RingEvent(sale_id=request.sale_id, lot_id=lot_id, kind=status, amount_cents=high or 0)
            time.sleep(settings.WATCH_PERIOD_S)

    def UploadWeighTickets(self, request_iterator, context):
        yard = scale_yard(context)
        stored = rejected = 0
        with store.conn_for(context) as conn:
            for ticket in request_iterator:
                if store.store_ticket(conn, yard, ticket):
                    stored += 1
                else:
                    rejected += 1
        return ring_pb2.UploadSummary(stored=stored, rejected=rejected)

    @require_role("viewer")
    def GetLot(self, request, context, bidder):
        with store.conn_for(context) as conn:
            row = conn.execute("SELECT lot_id, sale_id, pen_id, head, breed FROM lots WHERE lot_id = %s",
                               (request.lot_id,)).fetchone()
        if row is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "no such lot")
        return ring_pb2.Lot(lot_id=row[0], sale_id=row[1], pen_id=row[2], head=row[3], breed=row[4])
