"""hkctl: supervisor command line (sync grpcio client).

    hkctl board PROPERTY [FLOOR...]     follow the room board
    hkctl export PROPERTY DATE > out.csv
"""
from __future__ import annotations

import os
import sys

import grpc

from hk.gen import housekeeping_pb2 as pb
from hk.gen import housekeeping_pb2_grpc


def _stub() -> housekeeping_pb2_grpc.HousekeepingStub:
    channel = grpc.secure_channel(os.environ.get("HK_ADDR", "housekeeping.alderfinch.com:443"), grpc.ssl_channel_credentials())
    return housekeeping_pb2_grpc.HousekeepingStub(channel)


def _md():
    token = os.environ.get("HK_TOKEN")
    if not token:
        sys.exit("hkctl: set HK_TOKEN (hkctl needs a supervisor or night-audit token)")
    return (("authorization", f"Bearer {token}"),)


def board(property_id: str, floors: list[str]) -> None:
    for status in _stub().RoomBoard(pb.RoomBoardRequest(property_id=property_id, floors=floors), metadata=_md()):
        print(f"{status.room:>6} {status.status:<10} {status.attendant}")


def export(property_id: str, date: str) -> None:
    print("room,status,attendant,at_unix_ms")
    for r in _stub().ExportDay(pb.ExportDayRequest(property_id=property_id, date=date), metadata=_md(), timeout=120):
        print(f"{r.room},{r.status},{r.attendant},{r.at_unix_ms}")


def main() -> None:
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "board":
        board(args[1], args[2:])
    elif len(args) == 3 and args[0] == "export":
        export(args[1], args[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
