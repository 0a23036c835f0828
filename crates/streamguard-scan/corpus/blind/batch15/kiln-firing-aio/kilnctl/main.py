"""kilnctl: upload firing schedules and watch kilns from the studio office (sync grpcio)."""
import argparse
import csv
import os

import grpc

from kilnworks.gen import kiln_pb2, kiln_pb2_grpc


def stub(addr):
    return kiln_pb2_grpc.KilnsStub(grpc.secure_channel(addr, grpc.ssl_channel_credentials()))


def metadata():
    return (("authorization", "Bearer " + os.environ["KILN_TOKEN"]),)


def segments_from_csv(name, path):
    with open(path) as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            yield kiln_pb2.ScheduleSegment(
                schedule_name=name, index=i, rate_c_per_hour=float(row["rate"]),
                target_c=float(row["target"]), hold_minutes=int(row.get("hold", 0) or 0),
            )


def main(argv=None):
    p = argparse.ArgumentParser(prog="kilnctl")
    p.add_argument("--addr", default="kilns.claystudio.example:443")
    sub = p.add_subparsers(dest="cmd", required=True)
    up = sub.add_parser("upload"); up.add_argument("name"); up.add_argument("csv")
    w = sub.add_parser("watch"); w.add_argument("kiln")
    a = p.parse_args(argv)
    if a.cmd == "upload":
        r = stub(a.addr).UploadSchedule(segments_from_csv(a.name, a.csv), metadata=metadata(), timeout=20)
        print(r.schedule_id, r.segments)
    else:
        for r in stub(a.addr).WatchKiln(kiln_pb2.WatchKilnRequest(kiln_id=a.kiln), metadata=metadata()):
            print(f"{r.kiln_id} {r.temp_c:7.1f}C -> {r.setpoint_c:7.1f}C seg {r.segment} {r.state}")


if __name__ == "__main__":
    main()
