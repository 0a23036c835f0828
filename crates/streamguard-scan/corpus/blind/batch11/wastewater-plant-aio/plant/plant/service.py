import asyncio
import time

import aiohttp
import grpc

from . import config
from .generated import wwtp_pb2, wwtp_pb2_grpc
from .limits import OperatorLimiter
from .plc import PUMP_REGISTERS, Plc
from .session import open_session

LIMITER = OperatorLimiter(config.COMMANDS_PER_MINUTE)


class PlantService(wwtp_pb2_grpc.PlantServicer):
    def __init__(self, http: aiohttp.ClientSession, plc: Plc):
        self.http = http
        self.plc = plc

    async def WatchBasin(self, request, context):
        async with open_session(context, scope="basins:read") as s:
            while True:
                timeout = aiohttp.ClientTimeout(total=min(5.0, s.remaining(context)))
                async with self.http.get(f"{config.SCADA_URL}/basins/{request.basin_id}", timeout=timeout) as r:
                    r.raise_for_status()
                    b = await r.json()
                yield wwtp_pb2.BasinState(
                    basin_id=request.basin_id,
                    dissolved_oxygen_mg_l=b["do"],
                    level_m=b["level"],
                    inflow_m3_h=b["inflow"],
                    unix_ms=int(time.time() * 1000),
                )
                await asyncio.sleep(2)

    async def DosingControl(self, request_iterator, context):
        async with open_session(context, scope="dosing:write") as s:
            async for cmd in request_iterator:
                if cmd.pump_id not in PUMP_REGISTERS or not s.may_dose(cmd.pump_id):
                    yield wwtp_pb2.DoseResult(request_id=cmd.request_id, pump_id=cmd.pump_id, status="PERMISSION_DENIED")
                    continue
                if not LIMITER.allow(s.sub):
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
                try:
                    applied = await asyncio.wait_for(self.plc.write_setpoint(cmd.pump_id, cmd.setpoint_l_h), timeout=5)
                except asyncio.TimeoutError:
                    yield wwtp_pb2.DoseResult(request_id=cmd.request_id, pump_id=cmd.pump_id, status="PLC_TIMEOUT")
                    continue
                yield wwtp_pb2.DoseResult(
                    request_id=cmd.request_id, pump_id=cmd.pump_id, status="OK", applied_l_h=applied
                )
