"""Fog-signal relay: listens to the harbour's fog detectors (UDP broadcast) and mirrors
beacon status to the harbour master's display over the private LAN. No auth: LAN only."""
import asyncio
import json
import logging
import time

import grpc

from beacond.gen import beacon_pb2, beacon_pb2_grpc

log = logging.getLogger("fog-relay")


class Fanout:
    def __init__(self):
        self.subscribers: set[asyncio.Queue] = set()

    def publish(self, status):
        for q in list(self.subscribers):
            if q.qsize() < 100:
                q.put_nowait(status)


class DetectorProtocol(asyncio.DatagramProtocol):
    def __init__(self, fanout: Fanout):
        self.fanout = fanout

    def datagram_received(self, data, addr):
        try:
            d = json.loads(data)
        except ValueError:
            return
        self.fanout.publish(
            beacon_pb2.BeaconStatus(
                station_id=d["station"],
                visibility_nm=d.get("vis", 0.0),
                fog_signal_active=d.get("horn", False),
                unix_ms=int(time.time() * 1000),
            )
        )


class FogRelayServicer(beacon_pb2_grpc.FogRelayServicer):
    def __init__(self, fanout: Fanout):
        self.fanout = fanout

    async def MirrorBeacons(self, request, context):
        wanted = set(request.station_ids)
        q: asyncio.Queue = asyncio.Queue()
        self.fanout.subscribers.add(q)
        try:
            while True:
                status = await q.get()
                if not wanted or status.station_id in wanted:
                    yield status
        finally:
            self.fanout.subscribers.discard(q)


async def serve(port: int = 50560) -> None:
    fanout = Fanout()
    loop = asyncio.get_running_loop()
    await loop.create_datagram_endpoint(lambda: DetectorProtocol(fanout), local_addr=("0.0.0.0", 9977))
    server = grpc.aio.server()
    beacon_pb2_grpc.add_FogRelayServicer_to_server(FogRelayServicer(fanout), server)
    server.add_insecure_port(f"[::]:{port}")
    await server.start()
    await server.wait_for_termination()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())


if __name__ == "__main__":
    run()
