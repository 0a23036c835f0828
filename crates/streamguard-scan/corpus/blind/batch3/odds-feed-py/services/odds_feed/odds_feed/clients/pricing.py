import grpc

from ..gen import odds_pb2, odds_pb2_grpc


class PricingClient:
    def __init__(self, target: str):
        self._channel = grpc.aio.insecure_channel(target)
        self._stub = odds_pb2_grpc.PricingStub(self._channel)

    async def quote(self, market_id: str, selection_ids, timeout: float | None):
        resp = await self._stub.Quote(
            odds_pb2.QuoteRequest(market_id=market_id, selection_ids=list(selection_ids)), timeout=timeout
        )
        return list(resp.selections)

    async def accept(self, account: str, slip, timeout: float | None):
        return await self._stub.Accept(odds_pb2.AcceptRequest(account=account, slip=slip), timeout=timeout)

    async def heartbeat(self, subscriber: str) -> None:
        await self._stub.Heartbeat(odds_pb2.HeartbeatRequest(subscriber=subscriber), timeout=3.0)
