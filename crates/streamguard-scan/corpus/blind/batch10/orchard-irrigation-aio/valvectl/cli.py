"""valvectl: open/close valves from the packing-shed terminal (sync grpcio client)."""
import argparse
import os
import uuid

import grpc

from irrigation_controller.gen import irrigation_pb2 as pb
from irrigation_controller.gen import irrigation_pb2_grpc


def commands(block, actions):
    for valve, action, minutes in actions:
        yield pb.ValveCommand(request_id=str(uuid.uuid4()), block_id=block, valve_id=valve, action=action,
                              minutes=minutes)


def parse(items):
    out = []
    for item in items:
        valve, _, rest = item.partition("=")
        action, _, minutes = rest.partition(":")
        out.append((valve, action.upper(), int(minutes or 0)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("block")
    ap.add_argument("actions", nargs="+", help="valve=open|close|run_program:minutes")
    args = ap.parse_args()
    md = [("authorization", f"Bearer {os.environ['VALVECTL_TOKEN']}")]
    with grpc.insecure_channel(os.environ.get("IRRIGATION_ADDR", "localhost:50081")) as ch:
        stub = irrigation_pb2_grpc.IrrigationStub(ch)
        for state in stub.ValveSession(commands(args.block, parse(args.actions)), metadata=md, timeout=60):
            print(state.valve_id, "open" if state.open else "closed", state.error)


if __name__ == "__main__":
    main()
