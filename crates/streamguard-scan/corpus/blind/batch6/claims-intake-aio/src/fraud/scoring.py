"""FraudScoring servicer: a small gradient-boosted model over feature-store features."""
from __future__ import annotations

import logging
import time

import grpc

from fraud.features import FeatureStore
from fraud.gen import fraud_pb2, fraud_pb2_grpc
from fraud.model import Model

log = logging.getLogger(__name__)

MAX_PER_SECOND = 200


class PeerThrottle:
    """Requests per second per calling pod. Intake pods have stable addresses
    inside the mesh, so the peer string identifies the caller."""

    def __init__(self, per_second: int):
        self.per_second = per_second
        self._counts: dict[str, tuple[int, int]] = {}

    def allow(self, peer: str) -> bool:
        second = int(time.monotonic())
        start, n = self._counts.get(peer, (second, 0))
        if start != second:
            start, n = second, 0
        n += 1
        self._counts[peer] = (start, n)
        return n <= self.per_second

    def forget(self, peer: str) -> None:
        self._counts.pop(peer, None)


class FraudScoringService(fraud_pb2_grpc.FraudScoringServicer):
    def __init__(self, features: FeatureStore, model: Model):
        self._features = features
        self._model = model
        self._throttle = PeerThrottle(MAX_PER_SECOND)

    async def ScoreStream(self, request_iterator, context):
        peer = context.peer()
        try:
            async for req in request_iterator:
                if not self._throttle.allow(peer):
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "scoring rate exceeded")
                feats = await self._features.for_claim(req.policy_id, req.loss_postcode)
                feats["amount_cents"] = float(req.amount_cents)
                score, reasons = self._model.predict(feats)
                yield fraud_pb2.ScoreResult(request_id=req.request_id, claim_id=req.claim_id, score=score, reasons=reasons)
        finally:
            self._throttle.forget(peer)
