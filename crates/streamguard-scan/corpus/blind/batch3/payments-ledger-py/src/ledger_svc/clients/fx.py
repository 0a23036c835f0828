import grpc

from ..gen import ledger_pb2, ledger_pb2_grpc


class FxClient:
    def __init__(self, target):
        self._channel = grpc.insecure_channel(target)
        self._stub = ledger_pb2_grpc.FxRatesStub(self._channel)

    def convert_future(self, amount_minor, src, dst, timeout):
        req = ledger_pb2.ConvertRequest(amount_minor=amount_minor, to=dst, **{"from": src})
        return self._stub.Convert.future(req, timeout=timeout)

    def close(self):
        self._channel.close()
