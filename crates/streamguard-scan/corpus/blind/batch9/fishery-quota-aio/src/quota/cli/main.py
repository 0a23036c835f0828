"""quotactl: sync client for skippers and harbour offices."""
from __future__ import annotations

import argparse
import os
import sys

import grpc

from quota._gen.quota.v1 import quota_pb2, quota_pb2_grpc


def _stub() -> quota_pb2_grpc.QuotaStub:
    return quota_pb2_grpc.QuotaStub(grpc.insecure_channel(os.environ.get("QUOTA_ADDR", "localhost:8443")))


def _md() -> list[tuple[str, str]]:
    return [("authorization", f"Bearer {os.environ['QUOTA_TOKEN']}")]


def watch(args) -> None:
    for status in _stub().WatchQuota(quota_pb2.WatchQuotaRequest(quota_ids=args.quota), metadata=_md()):
        print(f"{status.quota_id}\t{status.remaining_kg:.1f} kg")


def upload(args) -> None:
    def pages():
        for n, path in enumerate(args.files, start=1):
            with open(path, "rb") as fh:
                yield quota_pb2.LogbookPage(vessel_id=args.vessel, page_no=n, image=fh.read())

    res = _stub().SyncLogbook(pages(), metadata=_md(), timeout=300)
    print(f"{res.recognised}/{res.pages} pages recognised")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="quotactl")
    sub = p.add_subparsers(required=True)
    w = sub.add_parser("watch")
    w.add_argument("quota", nargs="+")
    w.set_defaults(fn=watch)
    u = sub.add_parser("upload")
    u.add_argument("--vessel", required=True)
    u.add_argument("files", nargs="+")
    u.set_defaults(fn=upload)
    args = p.parse_args(argv)
    args.fn(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
