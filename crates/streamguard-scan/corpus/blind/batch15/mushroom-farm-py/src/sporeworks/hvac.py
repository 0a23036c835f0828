import grpc

from . import settings
from .gen import farm_pb2, farm_pb2_grpc

_channel = grpc.insecure_channel(settings.HVAC_ADDR)
hvac = farm_pb2_grpc.HvacStub(_channel)


def remaining(context, default: float) -> float:
    left = context.time_remaining()
    if left is None or left > 10 * 24 * 3600:
        return default
    return max(0.0, left)


def read_room(room_id: str, timeout: float) -> farm_pb2.RoomClimate:
    return hvac.ReadRoom(farm_pb2.ReadRoomRequest(room_id=room_id), timeout=timeout)


def apply_setpoint(cmd: farm_pb2.SetpointCommand) -> farm_pb2.SetpointAck:
    # The bridge talks Modbus to the air handlers; ten seconds covers a slow poll cycle.
    return hvac.ApplySetpoint(cmd, timeout=10)
