"""Modbus/TCP gateway to the pump station PLCs."""

from __future__ import annotations

import asyncio
import os

from pymodbus.client import AsyncModbusTcpClient

STATIONS = {
    "PS-NORTH": os.environ.get("PLC_NORTH", "10.40.1.10"),
    "PS-RIVER": os.environ.get("PLC_RIVER", "10.40.2.10"),
}
ACTIONS = {"start": 1, "stop": 0}


async def command(station_id: str, pump: int, action: str, setpoint_hz: float, timeout: float) -> str:
    host = STATIONS.get(station_id)
    if host is None:
        raise KeyError(station_id)
    async with asyncio.timeout(timeout):
        client = AsyncModbusTcpClient(host, port=502)
        await client.connect()
        try:
            if action in ACTIONS:
                await client.write_coil(100 + pump, bool(ACTIONS[action]))
            elif action == "setpoint":
                await client.write_register(200 + pump, int(min(max(setpoint_hz, 20.0), 50.0) * 10))
            else:
                raise ValueError(action)
            return "OK"
        finally:
            client.close()


RESERVOIR_PLC = {"RES-HILL": "PS-NORTH", "RES-VALLEY": "PS-RIVER"}


async def read_level(reservoir_id: str, timeout: float) -> tuple[float, float, float]:
    host = STATIONS[RESERVOIR_PLC[reservoir_id]]
    async with asyncio.timeout(timeout):
        client = AsyncModbusTcpClient(host, port=502)
        await client.connect()
        try:
            rr = await client.read_input_registers(10, count=3)
            level, inflow, outflow = rr.registers
            return level / 100.0, inflow / 10.0, outflow / 10.0
        finally:
            client.close()
