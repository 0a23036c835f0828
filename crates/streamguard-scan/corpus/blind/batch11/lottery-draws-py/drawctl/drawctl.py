#!/usr/bin/env python3
"""Ops CLI: print jackpots or export the winners of a draw to CSV."""
import argparse
import csv
import os
import sys

import grpc

from drawd.pb import lottery_pb2, lottery_pb2_grpc


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--addr", default=os.environ.get("DRAWD_ADDR", "localhost:50200"))
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("winners")
    w.add_argument("draw_id")
    sub.add_parser("jackpots")
    args = ap.parse_args()

    md = (("authorization", f"Bearer {os.environ['DRAWD_TOKEN']}"),)
    stub = lottery_pb2_grpc.DrawsStub(grpc.insecure_channel(args.addr))
    if args.cmd == "winners":
        out = csv.writer(sys.stdout)
        out.writerow(["serial", "tier", "prize_cents", "retailer"])
        for win in stub.ExportWinners(lottery_pb2.ExportWinnersRequest(draw_id=args.draw_id), metadata=md, timeout=300):
            out.writerow([win.ticket_serial, win.tier, win.prize_cents, win.retailer_id])
    else:
        for tick in stub.WatchJackpot(lottery_pb2.WatchJackpotRequest(), metadata=md, timeout=20):
            print(tick.game, tick.jackpot_cents / 100)
    return 0


if __name__ == "__main__":
    sys.exit(main())
