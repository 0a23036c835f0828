"""growctl: operator CLI for the grow rooms."""
import argparse
import os
import sys

import grpc

from sporeworks.gen import farm_pb2, farm_pb2_grpc


def _stub(addr):
    return farm_pb2_grpc.GrowRoomsStub(grpc.secure_channel(addr, grpc.ssl_channel_credentials()))


def _md():
    return (("authorization", f"Bearer {os.environ['GROWROOMS_TOKEN']}"),)


def cmd_watch(args):
    for c in _stub(args.addr).WatchRoom(farm_pb2.WatchRoomRequest(room_id=args.room), metadata=_md()):
        print(f"{c.room_id} co2={c.co2_ppm:.0f} rh={c.rh_percent:.1f} t={c.air_temp_c:.1f}")


def cmd_set(args):
    cmds = [
        farm_pb2.SetpointCommand(request_id=f"{i}", room_id=args.room, variable=var, value=float(val))
        for i, (var, val) in enumerate(s.split("=") for s in args.setpoints)
    ]
    for ack in _stub(args.addr).ClimateSession(iter(cmds), metadata=_md(), timeout=30):
        print(ack.request_id, "applied" if ack.applied else ack.reason)


def cmd_export(args):
    w = sys.stdout
    for r in _stub(args.addr).ExportHarvest(
        farm_pb2.ExportHarvestRequest(room_id=args.room, flush=args.flush), metadata=_md(), timeout=120
    ):
        w.write(f"{r.picker},{r.kg},{r.grade},{r.unix_ms}\n")


def main(argv=None):
    p = argparse.ArgumentParser(prog="growctl")
    p.add_argument("--addr", default=os.environ.get("GROWROOMS_ADDR", "growrooms.sporeworks.example:443"))
    sub = p.add_subparsers(required=True)
    w = sub.add_parser("watch"); w.add_argument("room"); w.set_defaults(fn=cmd_watch)
    s = sub.add_parser("set"); s.add_argument("room"); s.add_argument("setpoints", nargs="+"); s.set_defaults(fn=cmd_set)
    e = sub.add_parser("export"); e.add_argument("room"); e.add_argument("flush", type=int); e.set_defaults(fn=cmd_export)
    args = p.parse_args(argv)
    args.fn(args)


if __name__ == "__main__":
    main()
