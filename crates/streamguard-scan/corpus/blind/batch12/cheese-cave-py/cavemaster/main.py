import logging
from concurrent import futures

import grpc

from cavemaster import config
from cavemaster.handlers.climate import ClimateHandlers
from cavemaster.handlers.export import ExportHandlers
from cavemaster.handlers.turning import TurningHandlers
from cavemaster.pb import cave_pb2_grpc
from cavemaster.security import start_revocation_listener


class CaveService(ClimateHandlers, TurningHandlers, ExportHandlers, cave_pb2_grpc.CaveServicer):
    """All cave RPCs; each handler module contributes its methods."""


def main():
    logging.basicConfig(level=logging.INFO)
    start_revocation_listener()
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=64),
        options=[
            ("grpc.max_connection_age_ms", 20 * 60_000),
            ("grpc.max_connection_age_grace_ms", 10_000),
        ],
    )
    cave_pb2_grpc.add_CaveServicer_to_server(CaveService(), server)
    server.add_insecure_port(config.LISTEN)
    server.start()
    logging.info("cavemaster on %s", config.LISTEN)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
