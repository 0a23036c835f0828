"""tunectl: print the live pitch of a stop (sync client, for the workshop PC)."""
import argparse
import os

import grpc

from organ_tuning.gen import tuning_pb2, tuning_pb2_grpc


def main(argv=None):
    ap = argparse.ArgumentParser(prog="tunectl")
    ap.add_argument("organ")
    ap.add_argument("stop")
    ap.add_argument("--addr", default=os.environ.get("TUNING_ADDR", "localhost:50150"))
    args = ap.parse_args(argv)
    stub = tuning_pb2_grpc.TuningStub(grpc.insecure_channel(args.addr))
    md = (("authorization", f"Bearer {os.environ['TUNING_TOKEN']}"),)
    try:
        for s in stub.WatchPitch(tuning_pb2.WatchPitchRequest(organ_id=args.organ, stop=args.stop), metadata=md):
            bar = "#" * int(min(40, abs(s.deviation_cents)))
            print(f"{s.midi_note:3d} {s.hz:9.3f} Hz {s.deviation_cents:+6.1f}c {bar}")
    except KeyboardInterrupt:
        pass
    except grpc.RpcError as exc:
        raise SystemExit(f"{exc.code().name}: {exc.details()}")


if __name__ == "__main__":
    main()
