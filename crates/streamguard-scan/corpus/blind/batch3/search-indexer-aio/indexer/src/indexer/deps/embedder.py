import grpc

from ..gen import search_pb2, search_pb2_grpc


class EmbedderClient:
    def __init__(self, target: str, model: str):
        self._channel = grpc.aio.insecure_channel(target)
        self._stub = search_pb2_grpc.EmbedderStub(self._channel)
        self._model = model

    async def embed(self, text: str, timeout: float | None) -> list[float]:
        resp = await self._stub.Embed(search_pb2.EmbedRequest(model=self._model, text=text), timeout=timeout)
        return list(resp.vector)

    async def close(self) -> None:
        await self._channel.close()
