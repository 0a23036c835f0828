"""Streaming handler bodies. The servicer in service.py wires them to the RPCs."""
from __future__ import annotations

import time

import grpc

from hk.board import Board
from hk.gen import housekeeping_pb2 as pb
from hk.limiter import StaffLimiter
from hk.pms import Pms
from hk.session import SessionEnded, StreamSession

ALLOWED = {"DIRTY", "CLEANING", "CLEAN", "INSPECTED", "OOO", "DND"}


def _status(d: dict) -> pb.RoomStatus:
    return pb.RoomStatus(property_id=d["property_id"], room=d["room"], status=d["status"],
                         attendant=d.get("attendant", ""), updated_unix_ms=d["updated_unix_ms"])


async def room_board(board: Board, session: StreamSession, request, context):
    if request.property_id not in session.staff.properties:
        raise SessionEnded(grpc.StatusCode.PERMISSION_DENIED, "not your property")
    floors = set(request.floors)
    for d in board.snapshot(request.property_id):
        if not floors or d["room"][:-2] in floors:
            yield _status(d)
    q = board.subscribe(request.property_id)
    try:
        while True:
            d = await session.guard(q.get())
            if not floors or d["room"][:-2] in floors:
                yield _status(d)
    finally:
        board.unsubscribe(request.property_id, q)


async def attendant_shift(board: Board, pms: Pms, limiter: StaffLimiter, session: StreamSession, request_iterator, context):
    staff = session.staff
    async for upd in request_iterator:
        session.check()
        if not await session.guard(limiter.allow(staff.sub)):
            raise SessionEnded(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
        if upd.property_id not in staff.properties:
            yield pb.ShiftEvent(request_id=upd.request_id, ok=False, error="PERMISSION_DENIED")
            continue
        if upd.status not in ALLOWED or (upd.status == "INSPECTED" and staff.role != "supervisor"):
            yield pb.ShiftEvent(request_id=upd.request_id, ok=False, error="INVALID_ARGUMENT")
            continue
        try:
            await session.guard(pms.set_room_status(upd.property_id, upd.room, upd.status, timeout=session.remaining(context)))
            if upd.minibar_items:
                await session.guard(pms.post_minibar(upd.property_id, upd.room, list(upd.minibar_items), timeout=session.remaining(context)))
        except SessionEnded:
            raise
        except Exception as exc:  # noqa: BLE001 - reported to the handheld
            yield pb.ShiftEvent(request_id=upd.request_id, ok=False, error=f"PMS: {exc}")
            continue
        d = {"property_id": upd.property_id, "room": upd.room, "status": upd.status, "attendant": staff.sub,
             "updated_unix_ms": int(time.time() * 1000)}
        board.update(upd.property_id, upd.room, d)
        yield pb.ShiftEvent(request_id=upd.request_id, ok=True, room=_status(d))


async def export_day(pms: Pms, session: StreamSession, request, context):
    if session.staff.role != "night_audit" or request.property_id not in session.staff.properties:
        raise SessionEnded(grpc.StatusCode.PERMISSION_DENIED, "night audit only")
    records = await session.guard(pms.day_history(request.property_id, request.date))
    for r in records:
        yield pb.RoomDayRecord(room=r["room"], status=r["status"], attendant=r.get("attendant", ""), at_unix_ms=r["at"])
