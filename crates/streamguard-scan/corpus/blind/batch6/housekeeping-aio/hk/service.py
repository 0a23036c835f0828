"""Housekeeping servicer: opens a session per stream and delegates to handlers.py."""
from __future__ import annotations

import grpc

from hk import handlers
from hk.board import Board
from hk.gen import housekeeping_pb2 as pb
from hk.gen import housekeeping_pb2_grpc
from hk.limiter import StaffLimiter
from hk.pms import Pms
from hk.revocations import RevocationHub
from hk.session import SessionEnded, StreamSession


class HousekeepingService(housekeeping_pb2_grpc.HousekeepingServicer):
    def __init__(self, hub: RevocationHub, board: Board, pms: Pms, limiter: StaffLimiter):
        self._hub = hub
        self._board = board
        self._pms = pms
        self._limiter = limiter

    async def _run(self, context, gen_factory):
        session = await StreamSession.open(context, self._hub)
        try:
            async for item in gen_factory(session):
                yield item
        except SessionEnded as ended:
            await context.abort(ended.code, ended.reason)
        finally:
            session.close()

    async def RoomBoard(self, request, context):
        async for item in self._run(context, lambda s: handlers.room_board(self._board, s, request, context)):
            yield item

    async def AttendantShift(self, request_iterator, context):
        async for item in self._run(
            context, lambda s: handlers.attendant_shift(self._board, self._pms, self._limiter, s, request_iterator, context)
        ):
            yield item

    async def ExportDay(self, request, context):
        async for item in self._run(context, lambda s: handlers.export_day(self._pms, s, request, context)):
            yield item

    async def GetRoom(self, request, context):
        session = await StreamSession.open(context, self._hub)
        session.close()
        for d in self._board.snapshot(request.property_id):
            if d["room"] == request.room:
                return pb.RoomStatus(**d)
        await context.abort(grpc.StatusCode.NOT_FOUND, f"room {request.room}")
