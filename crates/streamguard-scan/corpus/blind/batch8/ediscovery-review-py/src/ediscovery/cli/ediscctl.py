"""ediscctl: command line for review leads.

    ediscctl export MATTER PRODUCTION --out DIR
    ediscctl load MATTER FILE.dat
"""
import argparse
import os
import pathlib
import sys

import grpc

from ..gen import review_pb2, review_pb2_grpc


def _stub():
    channel = grpc.insecure_channel(os.environ.get("REVIEW_ADDR", "localhost:50551"))
    return review_pb2_grpc.ReviewStub(channel)


def _md():
    return (("authorization", f"Bearer {os.environ.get('REVIEW_TOKEN', '')}"),)


def export(args) -> int:
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for chunk in _stub().ExportProduction(review_pb2.ExportRequest(matter_id=args.matter, production_id=args.production), metadata=_md(), timeout=3600):
        (out / f"{chunk.bates_number}.pdf").write_bytes(chunk.pdf)
        n += 1
    print(f"{n} documents written to {out}")
    return 0


def load(args) -> int:
    def lines():
        with open(args.file, encoding="utf-8-sig") as fh:
            for line in fh:
                yield review_pb2.LoadFileChunk(matter_id=args.matter, line=line.rstrip("\r\n"))
    summary = _stub().UploadLoadFile(lines(), metadata=_md(), timeout=600)
    print(f"{summary.lines} lines loaded, {summary.rejected} rejected")
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="ediscctl")
    sub = p.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export")
    e.add_argument("matter")
    e.add_argument("production")
    e.add_argument("--out", default=".")
    e.set_defaults(fn=export)
    l = sub.add_parser("load")
    l.add_argument("matter")
    l.add_argument("file")
    l.set_defaults(fn=load)
    args = p.parse_args(argv)
    try:
        return args.fn(args)
    except grpc.RpcError as exc:
        print(f"ediscctl: {exc.code().name}: {exc.details()}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
