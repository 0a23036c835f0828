import grpc

from tracker import fleet_pb2, fleet_pb2_grpc

ETA_TIMEOUT_S = 5.0


class RoutingClient:
    def __init__(self, address: str):
        self._channel = grpc.aio.insecure_channel(address)
        self._stub = fleet_pb2_grpc.RoutingStub(self._channel)

    async def eta(self, vehicle_id: str, frm: tuple[float, float], to: tuple[float, float]) -> int:
        resp = await self._stub.Eta(
            fleet_pb2.EtaRequest(vehicle_id=vehicle_id, from_lat=frm[0], from_lon=frm[1], to_lat=to[0], to_lon=to[1]),
            timeout=ETA_TIMEOUT_S,
        )
        return resp.seconds
