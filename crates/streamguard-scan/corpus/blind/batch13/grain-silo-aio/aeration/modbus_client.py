"""Aeration fan VFDs on the site Modbus/TCP network."""
from __future__ import annotations

import os

from pymodbus.client import AsyncModbusTcpClient

_client: AsyncModbusTcpClient | None = None

FAN_BASE_REGISTER = 4000


async def client() -> AsyncModbusTcpClient:
    global _client
    if _client is None:
        _client = AsyncModbusTcpClient(os.environ.get("FAN_PLC", "10.20.0.5"), port=502, timeout=5)
        await _client.connect()
    return _client


def register_for(silo_id: str, fan: int) -> int:
    # silo ids are "S01".."S24"; four fans per silo
    return FAN_BASE_REGISTER + (int(silo_id[1:]) - 1) * 4 + fan


async def set_fan(silo_id: str, fan: int, on: bool, speed_pct: float) -> None:
    c = await client()
    reg = register_for(silo_id, fan)
    await c.write_registers(reg, [1 if on else 0, int(speed_pct * 10)], slave=1)
