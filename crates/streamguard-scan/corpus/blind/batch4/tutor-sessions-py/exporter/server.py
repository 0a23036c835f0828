import os
from concurrent.futures import ThreadPoolExecutor

import grpc

from gen import tutor_pb2_grpc

from .servicer import ExporterServicer


def serve():
    channel = grpc.insecure_channel(os.environ.get("EXPORTER_TRANSCRIPTS_ADDR", "transcripts:7720"))
    server = grpc.server(ThreadPoolExecutor(max_workers=16))
    tutor_pb2_grpc.add_ExporterServicer_to_server(
        ExporterServicer(tutor_pb2_grpc.TranscriptsStub(channel)), server
    )
    server.add_insecure_port(os.environ.get("EXPORTER_LISTEN", "127.0.0.1:7730"))
    server.start()
    server.wait_for_termination()


if __name__ == "__main__":
    serve()
