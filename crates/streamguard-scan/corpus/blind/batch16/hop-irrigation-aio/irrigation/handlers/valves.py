import asyncio
import logging

import grpc

from .. import clients
from ..auth import current_user
from ..gen import irrigation_pb2

log = logging.getLogger(__name__)


async def _pulse(valve_id: str, minutes: int):
    await clients.actuate(valve_id, "OPEN")
    await asyncio.sleep(minutes * 60)
    await clients.actuate(valve_id, "CLOSE")
    log.info("pulse on %s done", valve_id)


async def valve_control(request_iterator, context: grpc.aio.ServicerContext):
    user = current_user.get()
    authorized_block = None
    async for cmd in request_iterator:
        if authorized_block is None:
            if cmd.block_id not in user.blocks or "irrigator" not in user.roles:
                await context.abort(grpc.StatusCode.PERMISSION_DENIED, "not an irrigator for this block")
            authorized_block = cmd.block_id
        try:
            if cmd.action == "PULSE":
                # Pulses last minutes; run them in the background so the tablet stays responsive.
                asyncio.create_task(_pulse(cmd.valve_id, cmd.pulse_minutes))
                state = "PULSING"
            else:
                state = await clients.actuate(cmd.valve_id, cmd.action)
            yield irrigation_pb2.ValveEvent(command_id=cmd.command_id, valve_id=cmd.valve_id, state=state)
        except Exception as exc:  # noqa: BLE001
            yield irrigation_pb2.ValveEvent(command_id=cmd.command_id, valve_id=cmd.valve_id, error=str(exc))
