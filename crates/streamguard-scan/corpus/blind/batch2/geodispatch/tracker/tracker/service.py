import asyncio
import logging
import math
from collections import defaultdict

import grpc

from tracker import fleet_pb2, fleet_pb2_grpc
from tracker.authn import authenticated, still_valid
from tracker.ratelimit import TokenBucket

log = logging.getLogger(__name__)

MAX_WATCH_S = 60 * 60
POSITIONS_PER_SEC = 5
POSITIONS_BURST = 20


class FleetState:
    def __init__(self):
        self.latest: dict[str, fleet_pb2.Position] = {}
        self.zone_of: dict[str, str] = {}
        self._watchers: dict[str, set[asyncio.Queue]] = defaultdict(set)

    def update(self, pos: fleet_pb2.Position) -> None:
        self.latest[pos.vehicle_id] = pos
        for q in list(self._watchers.get(pos.vehicle_id, ())):
            if not q.full():
                q.put_nowait(pos)

    def watch(self, vehicle_id: str) -> asyncio.Queue:
        q: asyncio.Queue = asyncio.Queue(maxsize=256)
        self._watchers[vehicle_id].add(q)
        return q

    def unwatch(self, vehicle_id: str, q: asyncio.Queue) -> None:
        self._watchers[vehicle_id].discard(q)

    def nearest(self, zone: str, lat: float, lon: float) -> str | None:
        best, best_d = None, math.inf
        for vid, pos in self.latest.items():
            if self.zone_of.get(vid) != zone:
                continue
            d = (pos.lat - lat) ** 2 + (pos.lon - lon) ** 2
            if d < best_d:
                best, best_d = vid, d
        return best


class TrackerService(fleet_pb2_grpc.TrackerServicer):
    def __init__(self, fleet: FleetState, routing):
        self._fleet = fleet
        self._routing = routing

    @authenticated
    async def StreamPositions(self, request_iterator, context, claims):
        owned = set(claims.get("vehicles", []))
        bucket = TokenBucket(POSITIONS_PER_SEC, POSITIONS_BURST)
        accepted = rejected = 0
        bound_vehicle = None

        async for pos in request_iterator:
            if bound_vehicle is None:
                if pos.vehicle_id not in owned:
                    await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"vehicle {pos.vehicle_id} not owned")
                bound_vehicle = pos.vehicle_id
                log.info("vehicle %s streaming (sub=%s)", bound_vehicle, claims["sub"])

            if not bucket.allow():
                rejected += 1
                continue
            self._fleet.update(pos)
            accepted += 1

        return fleet_pb2.StreamAck(accepted=accepted, rejected=rejected)

    @authenticated
    async def WatchVehicle(self, request, context, claims):
        if "dispatcher" not in claims.get("roles", []) and request.vehicle_id not in claims.get("vehicles", []):
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "not allowed to watch this vehicle")

        q = self._fleet.watch(request.vehicle_id)
        try:
            async with asyncio.timeout(MAX_WATCH_S):
                last = self._fleet.latest.get(request.vehicle_id)
                if last is not None:
                    yield last
                while True:
                    yield await q.get()
        except TimeoutError:
            await context.abort(grpc.StatusCode.DEADLINE_EXCEEDED, "watch session expired, reconnect")
        except asyncio.CancelledError:
            log.debug("watcher of %s went away", request.vehicle_id)
            raise
        finally:
            self._fleet.unwatch(request.vehicle_id, q)

    @authenticated
    async def DispatchSession(self, request_iterator, context, claims):
        zones = set(claims.get("zones", []))
        async for req in request_iterator:
            if not still_valid(claims):
                await context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
            if req.zone not in zones:
                yield fleet_pb2.DispatchDecision(request_id=req.request_id, error="PERMISSION_DENIED: zone")
                continue
            vehicle = self._fleet.nearest(req.zone, req.pickup_lat, req.pickup_lon)
            if vehicle is None:
                yield fleet_pb2.DispatchDecision(request_id=req.request_id, error="NO_VEHICLE")
                continue
            pos = self._fleet.latest[vehicle]
            eta = await self._routing.eta(vehicle, (pos.lat, pos.lon), (req.pickup_lat, req.pickup_lon))
            yield fleet_pb2.DispatchDecision(request_id=req.request_id, vehicle_id=vehicle, eta_s=eta)
