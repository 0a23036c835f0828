"""fraud-scoring entry point (mTLS inside the mesh; no end-user traffic)."""
from __future__ import annotations

import asyncio
import logging
import os

import grpc

from fraud.features import FeatureStore
from fraud.gen import fraud_pb2_grpc
from fraud.model import Model
from fraud.scoring import FraudScoringService


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


async def serve() -> None:
    creds = grpc.ssl_server_credentials(
        [(_read(os.environ["TLS_KEY"]), _read(os.environ["TLS_CERT"]))],
        root_certificates=_read(os.environ["TLS_CLIENT_CA"]),
        require_client_auth=True,
    )
    server = grpc.aio.server(options=[("grpc.max_connection_age_ms", 3600_000)])
    fraud_pb2_grpc.add_FraudScoringServicer_to_server(FraudScoringService(FeatureStore(), Model()), server)
    server.add_secure_port(os.environ.get("FRAUD_LISTEN", "[::]:50091"), creds)
    await server.start()
    await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    run()
