import asyncio
import logging
import time

import grpc

from . import config, downstream
from .gen import irrigation_pb2 as pb
from .gen import irrigation_pb2_grpc
from .guard import GrowerGuard
from .limits import GrowerLimiter, TokenBucket
from .tokens import grower_from

log = logging.getLogger(__name__)
limiter = GrowerLimiter(config.COMMANDS_PER_MINUTE)


async def run_program(valve_id: str, minutes: int, updates: asyncio.Queue) -> None:
    await downstream.set_valve(valve_id, True, timeout=10)
    await updates.put((valve_id, True))
    await asyncio.sleep(minutes * 60)
    await downstream.set_valve(valve_id, False, timeout=10)
    await updates.put((valve_id, False))


class IrrigationService(irrigation_pb2_grpc.IrrigationServicer):
    async def WatchBlock(self, request, context):
        grower = await grower_from(context)
        if request.block_id not in grower.blocks:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "block not in token")
        async with GrowerGuard(context, grower):
            while True:
                vwc = await downstream.latest_moisture(request.block_id, timeout=context.time_remaining())
                et = await downstream.et0(request.block_id)
                yield pb.BlockReading(block_id=request.block_id, moisture_vwc=vwc, et0_mm=et,
                                      unix_ms=int(time.time() * 1000))
                await asyncio.sleep(config.PUSH_PERIOD_S)

    async def ValveSession(self, request_iterator, context):
        grower = await grower_from(context)
        updates: asyncio.Queue = asyncio.Queue()
        async with GrowerGuard(context, grower):
            async for cmd in request_iterator:
                if cmd.block_id not in grower.blocks or not cmd.valve_id.startswith(cmd.block_id + "-"):
                    yield pb.ValveState(request_id=cmd.request_id, valve_id=cmd.valve_id, error="PERMISSION_DENIED")
                    continue
                if not await limiter.allow(grower.sub):
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limit_exceeded")
                if cmd.action == "RUN_PROGRAM":
                    asyncio.create_task(run_program(cmd.valve_id, cmd.minutes, updates))
                    yield pb.ValveState(request_id=cmd.request_id, valve_id=cmd.valve_id, open=True)
                    continue
                is_open = await downstream.set_valve(cmd.valve_id, cmd.action == "OPEN",
                                                     timeout=context.time_remaining())
                yield pb.ValveState(request_id=cmd.request_id, valve_id=cmd.valve_id, open=is_open)
                while not updates.empty():
                    valve_id, state = updates.get_nowait()
                    yield pb.ValveState(valve_id=valve_id, open=state)

    async def UploadFlowLog(self, request_iterator, context):
        grower = await grower_from(context)
        bucket = TokenBucket(rate=config.FLOW_SAMPLES_PER_SECOND, burst=config.FLOW_SAMPLES_PER_SECOND * 2)
        rows, rejected = [], 0
        async with GrowerGuard(context, grower):
            async for s in request_iterator:
                if not bucket.take():
                    await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "too many samples")
                if s.meter_id not in grower.meters or s.block_id not in grower.blocks:
                    rejected += 1
                    continue
                rows.append((s.meter_id, s.block_id, s.litres, s.unix_ms))
            await downstream.store_flow(rows, timeout=context.time_remaining())
        return pb.FlowSummary(stored=len(rows), rejected=rejected)
