"""Crew sync: internal service on the crew-control network (no caller auth)."""
from __future__ import annotations

import asyncio
import logging
import os
import time

import grpc

from flightops.gen import flightops_pb2 as pb
from flightops.gen import flightops_pb2_grpc as pb_grpc

from .ratelimit import TokenBucket

log = logging.getLogger("crew_sync")


class RosterStore:
    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], pb.RosterEntry] = {}
        self.alerts: asyncio.Queue[pb.CrewAlert] = asyncio.Queue(maxsize=10_000)

    def put(self, entry: pb.RosterEntry) -> None:
        self.entries[(entry.crew_id, entry.flight_id)] = entry


class CrewSync(pb_grpc.CrewSyncServicer):
    def __init__(self, store: RosterStore) -> None:
        self.store = store
        self.subscribers: set[asyncio.Queue] = set()

    async def PushRoster(self, request_iterator, context):
        bucket = TokenBucket(rate=200, burst=400)
        stored = throttled = 0
        async for entry in request_iterator:
            if not bucket.take():
                throttled += 1
                continue
            self.store.put(entry)
            stored += 1
        return pb.RosterAck(stored=stored, throttled=throttled)

    async def WatchCrewAlerts(self, request, context):
        queue: asyncio.Queue = asyncio.Queue(maxsize=1000)
        self.subscribers.add(queue)
        try:
            while True:
                alert = await queue.get()
                if request.base and not alert.crew_id.startswith(request.base):
                    continue
                yield alert
        finally:
            self.subscribers.discard(queue)

    async def fan_out(self) -> None:
        while True:
            alert = await self.store.alerts.get()
            for q in list(self.subscribers):
                if not q.full():
                    q.put_nowait(alert)


async def serve() -> None:
    store = RosterStore()
    svc = CrewSync(store)
    server = grpc.aio.server(options=[("grpc.keepalive_time_ms", 30_000)])
    pb_grpc.add_CrewSyncServicer_to_server(svc, server)
    server.add_insecure_port(os.environ.get("CREW_SYNC_BIND", "[::]:50072"))
    fan = asyncio.create_task(svc.fan_out())
    await server.start()
    log.info("crew sync up at %s", time.strftime("%H:%M:%S"))
    try:
        await server.wait_for_termination()
    finally:
        fan.cancel()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())
