import asyncio
import logging

from pymodbus.client import AsyncModbusTcpClient

from ..config import settings

log = logging.getLogger(__name__)

RPM_REGISTER_BASE = 4000


class AeratorPlc:
    """Paddlewheel drives behind one Modbus TCP PLC; soft-start ramps the speed in steps."""

    def __init__(self):
        self._client = AsyncModbusTcpClient(settings.plc_host, port=502)
        self._lock = asyncio.Lock()

    async def set_speed(self, aerator_index: int, rpm: int) -> None:
        async with self._lock:
            if not self._client.connected:
                await self._client.connect()
        current = 0
        while current != rpm:
            current = min(rpm, current + 120) if rpm > current else max(rpm, current - 120)
            async with self._lock:
                await self._client.write_register(RPM_REGISTER_BASE + aerator_index, current)
            await asyncio.sleep(2)
        log.info("aerator %s at %s rpm", aerator_index, rpm)
