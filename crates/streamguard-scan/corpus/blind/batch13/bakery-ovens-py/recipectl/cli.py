"""recipectl: list and export bake logs from the command line."""
from __future__ import annotations

import argparse
import csv
import os
import sys

import grpc

from ovend.gen import ovens_pb2, ovens_pb2_grpc


def _md():
    return (("authorization", f"Bearer {os.environ.get('OVEN_TOKEN', '')}"),)


def export(stub, day: str, oven: str, out) -> int:
    w = csv.writer(out)
    w.writerow(["oven", "product", "started", "ended", "avg_temp_c"])
    n = 0
    for rec in stub.ExportBakeLog(ovens_pb2.ExportBakeLogRequest(day=day, oven_id=oven), metadata=_md(), timeout=60):
        w.writerow([rec.oven_id, rec.product, rec.started_unix, rec.ended_unix, f"{rec.avg_temp_c:.1f}"])
        n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(prog="recipectl")
    ap.add_argument("--target", default=os.environ.get("OVEND", "localhost:50060"))
    sub = ap.add_subparsers(dest="cmd", required=True)
    ex = sub.add_parser("export")
    ex.add_argument("day")
    ex.add_argument("oven")
    args = ap.parse_args()
    with grpc.insecure_channel(args.target) as ch:
        stub = ovens_pb2_grpc.OvenLineStub(ch)
        if args.cmd == "export":
            n = export(stub, args.day, args.oven, sys.stdout)
            print(f"{n} records", file=sys.stderr)


if __name__ == "__main__":
    main()
