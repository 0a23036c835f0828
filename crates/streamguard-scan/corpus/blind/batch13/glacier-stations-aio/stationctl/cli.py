"""stationctl: field-team CLI (sync grpcio). Downloads a station's series
as CSV before a maintenance visit."""
from __future__ import annotations

import argparse
import csv
import os
import sys

import grpc

from glacierd.gen import glacier_pb2, glacier_pb2_grpc


def download(stub, station: str, start: int, end: int, out) -> int:
    md = (("authorization", f"Bearer {os.environ['GLACIER_TOKEN']}"),)
    w = csv.writer(out)
    w.writerow(["unix_s", "air_temp_c", "ablation_mm", "snow_depth_cm", "battery_v"])
    n = 0
    for chunk in stub.DownloadSeries(
        glacier_pb2.DownloadSeriesRequest(station_id=station, from_unix=start, to_unix=end), metadata=md, timeout=120
    ):
        for r in chunk.rows:
            w.writerow([r.unix_s, r.air_temp_c, r.ablation_mm, r.snow_depth_cm, r.battery_v])
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(prog="stationctl")
    ap.add_argument("station")
    ap.add_argument("start", type=int)
    ap.add_argument("end", type=int)
    ap.add_argument("--target", default=os.environ.get("GLACIERD", "base.polar-institute.example:7400"))
    a = ap.parse_args()
    with grpc.secure_channel(a.target, grpc.ssl_channel_credentials()) as ch:
        n = download(glacier_pb2_grpc.GlacierNetStub(ch), a.station, a.start, a.end, sys.stdout)
    print(f"{n} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
