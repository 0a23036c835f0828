import aiohttp
import asyncpg
import grpc

from . import config
from .gen import rig_pb2, rig_pb2_grpc

_pool: asyncpg.Pool | None = None
_http: aiohttp.ClientSession | None = None
_rigs: dict[str, rig_pb2_grpc.RigControlStub] = {}


async def pool() -> asyncpg.Pool:
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(config.DATABASE_URL, min_size=2, max_size=10)
    return _pool


async def http() -> aiohttp.ClientSession:
    global _http
    if _http is None:
        _http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
    return _http


def rig(organ_id: str) -> rig_pb2_grpc.RigControlStub:
    if organ_id not in _rigs:
        _rigs[organ_id] = rig_pb2_grpc.RigControlStub(grpc.aio.insecure_channel(f"rig-{organ_id}.workshop.lan:50151"))
    return _rigs[organ_id]


async def measure(organ_id: str, stop: str, note: int, target_cents: float, temperament: str, timeout):
    req = rig_pb2.MeasureRequest(stop=stop, midi_note=note, target_cents=target_cents, temperament=temperament)
    return await rig(organ_id).MeasureAndAdjust(req, timeout=timeout)


async def latest_pitch(organ_id: str, stop: str):
    p = await pool()
    return await p.fetch(
        "SELECT midi_note, hz, deviation_cents, wind_mmwc, temp_c FROM pitch_latest "
        "WHERE organ_id = $1 AND stop = $2 AND updated_at > now() - interval '10 seconds' ORDER BY midi_note",
        organ_id, stop, timeout=5,
    )


async def record_frame(rig_id: str, frame) -> None:
    p = await pool()
    await p.execute(
        "INSERT INTO rig_frames (rig_id, midi_note, temp_c, wind_mmwc) VALUES ($1, $2, $3, $4)",
        rig_id, frame.midi_note, frame.temperature_c, frame.wind_pressure_mmwc,
    )


async def archive_spectrum(rig_id: str, note: int, spectrum: bytes) -> None:
    session = await http()
    async with session.put(f"{config.SPECTRUM_ARCHIVE_URL}/{rig_id}/{note}.bin", data=spectrum) as resp:
        resp.raise_for_status()
