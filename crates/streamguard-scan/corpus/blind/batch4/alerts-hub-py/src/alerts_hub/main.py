from __future__ import annotations

import os
from concurrent import futures
from pathlib import Path

import grpc

from .limits import PerSubjectWindow
from .service import AlertHub, handler
from .store import AlertStore
from .tokens import Revocations, Verifier

SERVER_OPTIONS = [
    ("grpc.max_connection_age_ms", 30 * 60 * 1000),
    ("grpc.max_connection_age_grace_ms", 20 * 1000),
    ("grpc.keepalive_time_ms", 60 * 1000),
]


def run() -> None:
    revocations = Revocations(os.environ["ALERTS_REDIS_URL"])
    revocations.start()
    verifier = Verifier(Path(os.environ["ALERTS_JWT_PUBKEY"]).read_text(), "alerts-hub", revocations)
    hub = AlertHub(verifier, AlertStore(os.environ["ALERTS_DSN"]), PerSubjectWindow(int(os.environ.get("ALERTS_ACKS_PER_MIN", "600"))))

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=48), options=SERVER_OPTIONS)
    server.add_generic_rpc_handlers((handler(hub),))
    server.add_secure_port(
        os.environ.get("ALERTS_LISTEN", "[::]:9443"),
        grpc.ssl_server_credentials([(Path(os.environ["ALERTS_TLS_KEY"]).read_bytes(), Path(os.environ["ALERTS_TLS_CERT"]).read_bytes())]),
    )
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    run()
