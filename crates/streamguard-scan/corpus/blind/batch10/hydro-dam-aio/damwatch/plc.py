import grpc

from .config import settings
from .gen import field_pb2, field_pb2_grpc

_channel = grpc.aio.insecure_channel(settings.plc_target)
_stub = field_pb2_grpc.GatePlcStub(_channel)


async def move_gate(dam_id: str, gate_id: str, opening_pct: float, operator: str, timeout: float | None):
    req = field_pb2.MoveGateRequest(dam_id=dam_id, gate_id=gate_id, opening_pct=opening_pct, operator=operator)
    return await _stub.MoveGate(req, timeout=timeout)
