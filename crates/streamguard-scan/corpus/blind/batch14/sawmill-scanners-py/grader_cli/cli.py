"""Grading-office CLI: pulls a shift's boards into a CSV."""
import argparse
import csv
import os
import sys

import grpc

from millscan.gen import mill_pb2, mill_pb2_grpc


def main(argv=None):
    ap = argparse.ArgumentParser(prog="grader")
    ap.add_argument("line")
    ap.add_argument("date")
    ap.add_argument("shift", choices=["A", "B", "C"])
    ap.add_argument("--addr", default=os.environ.get("MILLSCAN_ADDR", "millscan.mill.lan:50140"))
    args = ap.parse_args(argv)

    stub = mill_pb2_grpc.MillScanStub(grpc.insecure_channel(args.addr))
    md = (("authorization", f"Bearer {os.environ['MILL_TOKEN']}"),)
    out = csv.writer(sys.stdout)
    out.writerow(["board", "log", "grade", "t_mm", "w_mm", "l_mm"])
    req = mill_pb2.ExportShiftRequest(line_id=args.line, shift_date=args.date, shift=args.shift)
    for b in stub.ExportShift(req, metadata=md, timeout=60):
        out.writerow([b.board_id, b.log_id, b.grade, b.thickness_mm, b.width_mm, b.length_mm])


if __name__ == "__main__":
    main()
