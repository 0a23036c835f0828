from pymodbus.client import AsyncModbusTcpClient

from . import config

# holding register of each dosing pump's setpoint (l/h * 10)
PUMP_REGISTERS = {"P-FECL3-1": 4100, "P-FECL3-2": 4101, "P-NAOH-1": 4110, "P-POLY-1": 4120}


class Plc:
    def __init__(self):
        self.client = AsyncModbusTcpClient(config.PLC_HOST, port=502)

    async def connect(self):
        await self.client.connect()

    async def write_setpoint(self, pump_id: str, l_h: float) -> float:
        reg = PUMP_REGISTERS[pump_id]
        await self.client.write_register(reg, int(round(l_h * 10)), slave=1)
        rr = await self.client.read_holding_registers(reg, 1, slave=1)
        return rr.registers[0] / 10.0
