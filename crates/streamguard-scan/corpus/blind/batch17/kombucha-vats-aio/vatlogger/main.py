"""vatlogger: serves the floor's fermentation log to the wall displays on the cellar LAN (no auth)."""
import asyncio
import os

import grpc

from cellar.gen import cellar_pb2, cellar_pb2_grpc

LOG_DIR = os.environ.get("FERMENT_LOG_DIR", "/var/log/ferment")


class FermentLogServicer(cellar_pb2_grpc.FermentLogServicer):
    async def TailFermentLog(self, request, context):
        path = os.path.join(LOG_DIR, f"{os.path.basename(request.floor)}.log")
        with open(path, "r", encoding="utf-8") as fh:
            fh.seek(0, os.SEEK_END)
            while True:
                line = fh.readline()
                if not line:
                    await asyncio.sleep(1)
                    continue
                yield cellar_pb2.LogLine(text=line.rstrip("\n"))


async def serve():
    server = grpc.aio.server()
    cellar_pb2_grpc.add_FermentLogServicer_to_server(FermentLogServicer(), server)
    server.add_insecure_port(os.environ.get("VATLOGGER_LISTEN", "[::]:50172"))
    await server.start()
    await server.wait_for_termination()


def run():
    asyncio.run(serve())
