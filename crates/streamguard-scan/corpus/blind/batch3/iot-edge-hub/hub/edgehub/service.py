import asyncio
import logging
import time

import grpc

from .commands import CommandRouter
from .counters import DeviceRateLimiter
from .device_auth import DeviceAuthenticator
from .firmware import FirmwareStore
from .gen import hub_pb2, hub_pb2_grpc
from .influx import InfluxWriter

log = logging.getLogger(__name__)


class DeviceHubService(hub_pb2_grpc.DeviceHubServicer):
    def __init__(
        self,
        auth: DeviceAuthenticator,
        router: CommandRouter,
        influx: InfluxWriter,
        firmware: FirmwareStore,
        limiter: DeviceRateLimiter,
    ):
        self._auth = auth
        self._router = router
        self._influx = influx
        self._firmware = firmware
        self._limiter = limiter
        self._last_seen: dict[str, int] = {}

    async def GetDevice(self, request, context):
        await self._auth.verify(context)
        seen = self._last_seen.get(request.device_id, 0)
        return hub_pb2.DeviceInfo(
            device_id=request.device_id, last_seen_ms=seen, online=self._router.online(request.device_id)
        )

    async def _pump_inbound(self, device, request_iterator, context):
        async for msg in request_iterator:
            self._last_seen[device.device_id] = int(time.time() * 1000)
            if not self._limiter.allow(device.device_id):
                await context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "device message rate exceeded")
            kind = msg.WhichOneof("body")
            if kind == "telemetry":
                try:
                    await self._influx.write(device.device_id, device.fleet, msg.telemetry)
                except Exception as exc:  # noqa: BLE001
                    log.warning("telemetry from %s dropped: %s", device.device_id, exc)
            elif kind == "ack":
                if not self._router.ack(device.device_id, msg.ack.command_id):
                    log.info("%s acked unknown command %s", device.device_id, msg.ack.command_id)

    async def Connect(self, request_iterator, context):
        device = await self._auth.verify(context)
        outbound = self._router.attach(device.device_id)
        reader = asyncio.create_task(self._pump_inbound(device, request_iterator, context))
        try:
            yield hub_pb2.HubMessage(notice=f"welcome {device.device_id}")
            while not reader.done():
                nxt = asyncio.ensure_future(outbound.get())
                done, _ = await asyncio.wait({nxt, reader}, return_when=asyncio.FIRST_COMPLETED)
                if nxt in done:
                    yield hub_pb2.HubMessage(command=nxt.result())
                else:
                    nxt.cancel()
            reader.result()
        finally:
            reader.cancel()
            self._router.detach(device.device_id, outbound)

    async def StreamFirmware(self, request, context):
        await self._auth.verify(context)
        offset = request.offset
        async for block, sha in self._firmware.chunks(request.version, offset, timeout=context.time_remaining()):
            yield hub_pb2.FirmwareChunk(version=request.version, offset=offset, data=block, sha256=sha)
            offset += len(block)
        yield hub_pb2.FirmwareChunk(version=request.version, offset=offset, last=True)
