"""Feature store client (policy history, postcode risk, repairer graph)."""
from __future__ import annotations

import os

import grpc

from fraud.gen import featurestore_pb2, featurestore_pb2_grpc

FEATURE_TIMEOUT_S = 2.0


class FeatureStore:
    def __init__(self):
        channel = grpc.aio.insecure_channel(os.environ.get("FEATURESTORE_ADDR", "features.meridian.internal:7400"))
        self._stub = featurestore_pb2_grpc.FeatureStoreStub(channel)

    async def for_claim(self, policy_id: str, postcode: str) -> dict[str, float]:
        resp = await self._stub.GetFeatures(
            featurestore_pb2.GetFeaturesRequest(entity=f"policy:{policy_id}", extra_keys=[f"postcode:{postcode}"]),
            timeout=FEATURE_TIMEOUT_S,
        )
        return dict(resp.values)
