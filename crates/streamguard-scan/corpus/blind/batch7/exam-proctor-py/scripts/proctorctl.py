#!/usr/bin/env python3
"""proctorctl: follow a room's flags from a terminal, or resolve a flag."""

import argparse
import os
import sys

import grpc

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from proctor.gen import proctor_pb2, proctor_pb2_grpc, review_pb2, review_pb2_grpc  # noqa: E402


def watch(args):
    stub = proctor_pb2_grpc.ProctorStub(grpc.insecure_channel(args.addr))
    md = [("authorization", f"Bearer {os.environ['PROCTOR_TOKEN']}")]
    try:
        for flag in stub.WatchCandidates(proctor_pb2.WatchRequest(room_id=args.room), metadata=md):
            print(f"{flag.unix_ms}\t{flag.candidate}\t{flag.reason}")
    except KeyboardInterrupt:
        pass


def resolve(args):
    stub = review_pb2_grpc.ReviewStub(grpc.insecure_channel(args.review_addr))
    ack = stub.ResolveFlag(review_pb2.Resolution(id=args.id, verdict=args.verdict), timeout=10,
                           metadata=[("x-reviewer", os.environ.get("USER", "cli"))])
    print("resolved" if ack.ok else "already resolved")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--addr", default="localhost:7000")
    p.add_argument("--review-addr", default="localhost:7200")
    sub = p.add_subparsers(required=True)
    w = sub.add_parser("watch")
    w.add_argument("room")
    w.set_defaults(fn=watch)
    r = sub.add_parser("resolve")
    r.add_argument("id", type=int)
    r.add_argument("verdict", choices=["cleared", "violation"])
    r.set_defaults(fn=resolve)
    args = p.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
