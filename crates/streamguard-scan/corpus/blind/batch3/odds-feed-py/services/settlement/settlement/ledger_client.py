import grpc

from .gen import settle_pb2, settle_pb2_grpc


class LedgerPostingClient:
    def __init__(self, target: str):
        self._channel = grpc.insecure_channel(target)
        self._stub = settle_pb2_grpc.LedgerPostingStub(self._channel)

    def post_future(self, result, timeout):
        return self._stub.Post.future(
            settle_pb2.PostRequest(
                event_id=result.event_id,
                market_id=result.market_id,
                winning_selection=result.winning_selection,
                void=result.void,
            ),
            timeout=timeout,
        )
