import aiohttp
import asyncpg
import grpc

from . import config
from .gen import irrigation_pb2, irrigation_pb2_grpc

_pool: asyncpg.Pool | None = None
_rtu = irrigation_pb2_grpc.ValveRtuStub(grpc.aio.insecure_channel(config.RTU_TARGET))
_weather: aiohttp.ClientSession | None = None


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(config.DSN, max_size=10)
    return _pool


async def latest_moisture(block_id: str, timeout: float | None) -> float:
    p = await pool()
    return await p.fetchval(
        "SELECT vwc FROM probe_readings WHERE block_id = $1 ORDER BY ts DESC LIMIT 1", block_id, timeout=timeout
    )


async def et0(block_id: str) -> float:
    global _weather
    if _weather is None:
        _weather = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=8))
    async with _weather.get(f"{config.WEATHER_URL}/et0", params={"block": block_id}) as resp:
        resp.raise_for_status()
        return (await resp.json())["et0_mm"]


async def set_valve(valve_id: str, open_: bool, timeout: float | None) -> bool:
    reply = await _rtu.SetValve(irrigation_pb2.SetValveRequest(valve_id=valve_id, open=open_), timeout=timeout)
    return reply.open


async def store_flow(rows: list, timeout: float | None) -> None:
    p = await pool()
    await p.executemany("INSERT INTO flow (meter_id, block_id, litres, ts) VALUES ($1, $2, $3, $4)", rows,
                        timeout=timeout)
