import argparse
import asyncio
import math
import random
import time

import grpc

from tracker import fleet_pb2, fleet_pb2_grpc


async def drive(stub, vehicle_id: str, token: str, seconds: int):
    async def positions():
        lat, lon, heading = 52.52 + random.uniform(-0.05, 0.05), 13.40 + random.uniform(-0.05, 0.05), random.uniform(0, 360)
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            heading += random.uniform(-10, 10)
            lat += math.cos(math.radians(heading)) * 1e-4
            lon += math.sin(math.radians(heading)) * 1e-4
            yield fleet_pb2.Position(vehicle_id=vehicle_id, lat=lat, lon=lon, heading=heading, speed_mps=11.0, unix_ms=int(time.time() * 1000))
            await asyncio.sleep(1)

    ack = await stub.StreamPositions(positions(), metadata=[("authorization", f"Bearer {token}")])
    print(vehicle_id, ack)


async def watch(stub, vehicle_id: str, token: str):
    async for pos in stub.WatchVehicle(fleet_pb2.WatchVehicleRequest(vehicle_id=vehicle_id), metadata=[("authorization", f"Bearer {token}")]):
        print(f"{pos.vehicle_id} {pos.lat:.5f},{pos.lon:.5f}")


async def amain(args):
    async with grpc.aio.insecure_channel(args.target) as ch:
        stub = fleet_pb2_grpc.TrackerStub(ch)
        tasks = [drive(stub, f"sim-{i}", args.token, args.seconds) for i in range(args.vehicles)]
        if args.watch:
            tasks.append(watch(stub, "sim-0", args.token))
        await asyncio.gather(*tasks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", default="localhost:9070")
    ap.add_argument("--token", required=True)
    ap.add_argument("--vehicles", type=int, default=10)
    ap.add_argument("--seconds", type=int, default=300)
    ap.add_argument("--watch", action="store_true")
    asyncio.run(amain(ap.parse_args()))


if __name__ == "__main__":
    main()
