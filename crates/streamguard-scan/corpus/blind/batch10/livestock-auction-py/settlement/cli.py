"""settle: after a sale, pull every lot's final state and write the settlement sheet."""
import argparse
import csv
import os
import sys

import grpc

from auction_ring.gen import ring_pb2, ring_pb2_grpc


def follow(stub, sale_id, token):
    md = [("authorization", f"Bearer {token}")]
    hammers = []
    for ev in stub.WatchSale(ring_pb2.WatchSaleRequest(sale_id=sale_id), metadata=md, timeout=4 * 3600):
        if ev.kind == "HAMMER":
            hammers.append(ev)
    return hammers


def write_sheet(rows, out):
    w = csv.writer(out)
    w.writerow(["lot", "amount_cents"])
    for ev in rows:
        w.writerow([ev.lot_id, ev.amount_cents])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sale_id")
    ap.add_argument("--target", default=os.environ.get("RING_ADDR", "localhost:50071"))
    args = ap.parse_args()
    with grpc.insecure_channel(args.target) as ch:
        rows = follow(ring_pb2_grpc.RingStub(ch), args.sale_id, os.environ["SETTLE_TOKEN"])
    write_sheet(rows, sys.stdout)


if __name__ == "__main__":
    main()
