import asyncio
from unittest import mock

import grpc
import jwt
import pytest

from tracker import fleet_pb2, fleet_pb2_grpc
from tracker.service import FleetState, TrackerService


class FakeRouting(fleet_pb2_grpc.TrackerServicer):
    """Loopback tracker used by the dispatcher UI tests; streams a canned route forever."""

    async def WatchVehicle(self, request, context):
        i = 0
        while True:
            yield fleet_pb2.Position(vehicle_id=request.vehicle_id, lat=52.5 + i * 1e-4, lon=13.4)
            i += 1
            await asyncio.sleep(0.01)


def _ctx(token):
    ctx = mock.AsyncMock()
    ctx.invocation_metadata = mock.Mock(return_value=[("authorization", f"Bearer {token}")])
    return ctx


@pytest.mark.asyncio
async def test_positions_update_fleet(monkeypatch):
    monkeypatch.setattr("tracker.authn._KEY", "k")
    token = jwt.encode({"sub": "driver-7", "vehicles": ["v7"], "aud": "tracker", "exp": 4102444800}, "k")
    fleet = FleetState()
    svc = TrackerService(fleet, routing=mock.AsyncMock())

    async def positions():
        for i in range(3):
            yield fleet_pb2.Position(vehicle_id="v7", lat=1.0 + i, lon=2.0)

    ack = await svc.StreamPositions(positions(), _ctx(token))
    assert ack.accepted == 3
    assert fleet.latest["v7"].lat == 3.0
