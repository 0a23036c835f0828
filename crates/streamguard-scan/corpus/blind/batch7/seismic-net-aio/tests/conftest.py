import pytest

from seisnet.gen import seismic_pb2


class FakeContext:
    def __init__(self, metadata=(), remaining=None):
        self._md = metadata
        self._remaining = remaining
        self.aborted = None

    def invocation_metadata(self):
        return self._md

    def time_remaining(self):
        return self._remaining

    async def abort(self, code, details):
        self.aborted = (code, details)
        raise RuntimeError(details)


@pytest.fixture
def fake_context():
    return FakeContext


@pytest.fixture
def packets():
    def make(n, channel="XX.STA1.00.HHZ"):
        return [seismic_pb2.StationPacket(channel=channel, seq=i, sample_rate=100.0, samples=[0] * 100) for i in range(n)]

    return make
