from __future__ import annotations

import asyncio
import logging

import grpc

from flightops.gen import flightops_pb2 as pb
from flightops.gen import flightops_pb2_grpc as pb_grpc

from . import tokens, upstream
from .auth import current_claims

log = logging.getLogger(__name__)

POLL_SECONDS = 15
MAX_WATCH_SECONDS = 4 * 3600


def _gate_allowed(claims: dict, gate_id: str) -> bool:
    return gate_id in claims.get("gates", []) or "ops:all-gates" in claims.get("scope", "").split()


class FlightWatch(pb_grpc.FlightWatchServicer):
    async def WatchFlight(self, request, context):
        last = None
        async with asyncio.timeout(MAX_WATCH_SECONDS):
            while True:
                status = await upstream.flight_status(request.flight_id)
                snapshot = (status["state"], status.get("gate", ""), status.get("delay_min", 0))
                if snapshot != last:
                    last = snapshot
                    yield pb.FlightStatus(
                        flight_id=request.flight_id,
                        state=status["state"],
                        gate=status.get("gate", ""),
                        estimated_off_block_ms=status.get("eobt_ms", 0),
                        delay_min=status.get("delay_min", 0),
                    )
                await asyncio.sleep(POLL_SECONDS)

    async def GateSession(self, request_iterator, context):
        claims = current_claims()
        async for cmd in request_iterator:
            if not tokens.still_valid(claims):
                await context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired_or_revoked")
            if not _gate_allowed(claims, cmd.gate_id):
                yield pb.GateEvent(command_id=cmd.command_id, outcome="PERMISSION_DENIED", detail=f"gate {cmd.gate_id}")
                continue
            result = await upstream.gate_action(cmd.gate_id, cmd.flight_id, cmd.action, cmd.boarding_pass)
            if cmd.action == "close":
                # Tell the ops channel; nobody needs to wait for it.
                asyncio.create_task(
                    upstream.notify_ops_channel(f"gate {cmd.gate_id} closed for {cmd.flight_id} by {claims['sub']}")
                )
            yield pb.GateEvent(command_id=cmd.command_id, outcome=result.get("outcome", "OK"), detail=result.get("detail", ""))

    async def ListDepartures(self, request, context):
        remaining = context.time_remaining() or 10.0
        for dep in await upstream.departures(request.airport, request.date, timeout=remaining):
            yield pb.Departure(
                flight_id=dep["flight"], destination=dep["dest"], scheduled_ms=dep["std_ms"], state=dep["state"]
            )
