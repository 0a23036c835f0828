import logging
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from gen import tutor_pb2_grpc

from . import settings
from .grader_client import GraderClient
from .notifications import NotificationStore
from .servicer import TutoringServicer
from .transcripts_client import TranscriptsClient


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    if not settings.SESSION_SECRET:
        raise SystemExit("TUTOR_SESSION_SECRET is empty; set it to the web app's session secret")

    background = futures.ThreadPoolExecutor(max_workers=8, thread_name_prefix="transcripts")
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=settings.WORKERS),
        options=[
            ("grpc.max_connection_age_ms", settings.MAX_CONNECTION_AGE_MS),
            ("grpc.max_connection_age_grace_ms", 30_000),
        ],
    )
    tutor_pb2_grpc.add_TutoringServicer_to_server(
        TutoringServicer(GraderClient(), TranscriptsClient(), NotificationStore(settings.NOTIFY_DSN), background),
        server,
    )
    health_servicer = health.HealthServicer()
    health_servicer.set("tutor.Tutoring", health_pb2.HealthCheckResponse.SERVING)
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    server.add_insecure_port(settings.LISTEN)
    server.start()
    logging.getLogger("tutor").info("listening on %s", settings.LISTEN)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
