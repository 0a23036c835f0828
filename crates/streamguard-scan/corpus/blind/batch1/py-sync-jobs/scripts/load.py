#!/usr/bin/env python3
"""Pushes a burst of job specs through Jobs/Submit for load testing."""

import argparse
import os
import time

import grpc

from jobs import jobs_pb2, jobs_pb2_grpc


def specs(n: int, queue: str):
    for i in range(n):
        yield jobs_pb2.JobSpec(client_ref=f"load-{i}", job_type="noop", queue=queue)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--target", default="localhost:7700")
    p.add_argument("-n", type=int, default=1000)
    p.add_argument("--queue", default="default")
    args = p.parse_args()
    stub = jobs_pb2_grpc.JobsStub(grpc.insecure_channel(args.target))
    md = (("authorization", f"Bearer {os.environ['JOBS_TOKEN']}"),)
    t0 = time.time()
    ok = 0
    for result in stub.Submit(specs(args.n, args.queue), metadata=md, timeout=120):
        ok += result.accepted
    print(f"{ok}/{args.n} accepted in {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
