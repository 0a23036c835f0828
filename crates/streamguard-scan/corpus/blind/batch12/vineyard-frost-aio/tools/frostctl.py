"""frostctl: print block temperatures until interrupted."""
import argparse
import os

import grpc

from frostwatch.gen import frost_pb2, frost_pb2_grpc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("block")
    ap.add_argument("--addr", default=os.environ.get("FROST_ADDR", "localhost:50061"))
    args = ap.parse_args()
    with grpc.insecure_channel(args.addr) as ch:
        stub = frost_pb2_grpc.FrostControlStub(ch)
        md = (("authorization", f"Bearer {os.environ['FROST_TOKEN']}"),)
        for r in stub.WatchBlock(frost_pb2.WatchBlockRequest(block_id=args.block), metadata=md):
            print(f"{r.block_id} air={r.air_c:.1f} dew={r.dew_point_c:.1f} tmin6h={r.forecast_min_c:.1f}")


if __name__ == "__main__":
    main()
