"""Payment release through the disbursement service."""
from __future__ import annotations

import os

import grpc

from claims_intake.gen import disbursement_pb2, disbursement_pb2_grpc


class Disbursements:
    def __init__(self):
        self._channel = grpc.aio.insecure_channel(os.environ.get("DISBURSE_ADDR", "disburse.meridian.internal:7300"))
        self._stub = disbursement_pb2_grpc.DisbursementStub(self._channel)

    async def release(self, claim_id: str, amount_cents: int, payee: str, *, timeout: float | None):
        return await self._stub.Release(
            disbursement_pb2.ReleaseRequest(claim_id=claim_id, amount_cents=amount_cents, payee_account=payee),
            timeout=timeout,
        )


class Letters:
    """Policyholder correspondence (letters, SMS) via the comms service over HTTP."""

    def __init__(self, http):
        self._http = http
        self._url = os.environ.get("COMMS_URL", "http://comms.meridian.internal:8080/v1/letters")

    async def send(self, claim_id: str, template: str, **fields) -> None:
        async with self._http.post(self._url, json={"claim_id": claim_id, "template": template, "fields": fields}) as resp:
            resp.raise_for_status()
