"""affineur: replay a day's turning plan from a CSV through one TurnSession."""
import csv
import os
import sys
import uuid

import grpc

from cavemaster.pb import cave_pb2, cave_pb2_grpc


def actions(path):
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            yield cave_pb2.TurnAction(
                action_id=str(uuid.uuid4()),
                cave_id=row["cave"],
                rack_id=row["rack"],
                wheel_id=row["wheel"],
                kind=row["kind"],
            )


def main():
    addr = os.environ.get("CAVE_ADDR", "cavemaster:50081")
    md = (("authorization", f"Bearer {os.environ['CAVE_TOKEN']}"),)
    with grpc.insecure_channel(addr) as ch:
        stub = cave_pb2_grpc.CaveStub(ch)
        failed = 0
        for res in stub.TurnSession(actions(sys.argv[1]), metadata=md, timeout=3600):
            if not res.done:
                failed += 1
                print(f"{res.action_id}: {res.detail}", file=sys.stderr)
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
