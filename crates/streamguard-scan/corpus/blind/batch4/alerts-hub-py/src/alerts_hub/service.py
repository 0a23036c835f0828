from __future__ import annotations

import queue

import grpc

from alertspb import alerts_pb2

from .limits import PerSubjectWindow
from .store import AlertStore
from .tokens import Verifier, require_scope

POLL_S = 2.0


def _teams(claims) -> set[str]:
    return set(claims.get("teams", []))


class AlertHub:
    def __init__(self, verifier: Verifier, store: AlertStore, limiter: PerSubjectWindow) -> None:
        self.verifier = verifier
        self.store = store
        self.limiter = limiter

    @require_scope("alerts:read")
    def subscribe_alerts(self, request, context, claims):
        teams = set(request.teams) & _teams(claims)
        if not teams:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "none of the requested teams is in your token")
        q = self.store.subscribe(teams)
        try:
            while context.is_active():
                # exp and revocation are checked before every send and at least every POLL_S.
                self.verifier.ensure_live(claims, context)
                try:
                    alert = q.get(timeout=POLL_S)
                except queue.Empty:
                    continue
                self.verifier.ensure_live(claims, context)
                yield alert
        finally:
            self.store.unsubscribe(teams, q)

    def ack_alerts(self, request_iterator, context):
        claims = self.verifier.claims(context)
        allowed = _teams(claims)
        acked, refused = 0, []
        for ack in request_iterator:
            self.verifier.ensure_live(claims, context)
            if not self.limiter.hit(claims["sub"]):
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
            if ack.team not in allowed:
                refused.append(ack.alert_id)
                continue
            self.store.ack(ack.alert_id, claims["sub"], ack.note)
            acked += 1
        return alerts_pb2.AckSummary(acked=acked, refused=refused)

    @require_scope("alerts:export")
    def export_alerts(self, request, context, claims):
        if request.team not in _teams(claims):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "team not in token")
        remaining = context.time_remaining()
        budget_ms = 30_000 if remaining is None else max(1, int(remaining * 1000))
        for row in self.store.export(request.team, request.since_unix, budget_ms):
            yield alerts_pb2.Alert(id=row[0], team=row[1], severity=row[2], summary=row[3], fired_unix=row[4])


def handler(hub: AlertHub) -> grpc.GenericRpcHandler:
    return grpc.method_handlers_generic_handler(
        "alerts.v2.AlertHub",
        {
            "SubscribeAlerts": grpc.unary_stream_rpc_method_handler(
                hub.subscribe_alerts,
                request_deserializer=alerts_pb2.SubscribeRequest.FromString,
                response_serializer=alerts_pb2.Alert.SerializeToString,
            ),
            "AckAlerts": grpc.stream_unary_rpc_method_handler(
                hub.ack_alerts,
                request_deserializer=alerts_pb2.Ack.FromString,
                response_serializer=alerts_pb2.AckSummary.SerializeToString,
            ),
            "ExportAlerts": grpc.unary_stream_rpc_method_handler(
                hub.export_alerts,
                request_deserializer=alerts_pb2.ExportRequest.FromString,
                response_serializer=alerts_pb2.Alert.SerializeToString,
            ),
        },
    )
