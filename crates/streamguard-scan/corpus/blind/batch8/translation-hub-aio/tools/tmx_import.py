#!/usr/bin/env python3
"""Import a TMX file into a project's translation memory.

    TRANSHUB_TOKEN=... python tools/tmx_import.py PROJECT file.tmx
"""
import os
import sys

import grpc

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
from transhub.gen import translate_pb2, translate_pb2_grpc  # noqa: E402

CHUNK = 256 * 1024


def chunks(project_id: str, path: str):
    with open(path, "rb") as fh:
        while True:
            data = fh.read(CHUNK)
            if not data:
                return
            yield translate_pb2.TmxChunk(project_id=project_id, xml=data)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    project_id, path = sys.argv[1:]
    channel = grpc.insecure_channel(os.environ.get("TRANSHUB_ADDR", "localhost:50800"))
    stub = translate_pb2_grpc.TranslationStub(channel)
    md = (("authorization", f"Bearer {os.environ['TRANSHUB_TOKEN']}"),)
    summary = stub.ImportTmx(chunks(project_id, path), metadata=md, timeout=1800)
    print(f"imported {summary.units} units ({summary.skipped} skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
