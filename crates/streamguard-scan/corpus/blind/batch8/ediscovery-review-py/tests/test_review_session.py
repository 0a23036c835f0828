import time
from unittest import mock

import grpc
import pytest

from ediscovery.gen import review_pb2
from ediscovery.review_server.auth import Principal
from ediscovery.review_server.handlers import review_session as rs
from ediscovery.review_server.limiter import ReviewerLimiter


class Aborted(Exception):
    pass


class FakeContext:
    def __init__(self):
        self.aborted = None

    def abort(self, code, details):
        self.aborted = (code, details)
        raise Aborted(details)

    def time_remaining(self):
        return 5.0

    def invocation_metadata(self):
        return ()


def _principal(**kw):
    base = dict(sub="rev-1", jti="j-1", exp=time.time() + 600, roles=frozenset({"reviewer"}), matters=frozenset({"M-1"}))
    base.update(kw)
    return Principal(**base)


def test_action_on_another_matter_is_refused_and_not_executed():
    ctx = FakeContext()
    with mock.patch.object(rs, "principal", return_value=_principal()), mock.patch.object(rs, "docstore") as ds:
        actions = [review_pb2.ReviewAction(request_id="1", matter_id="M-2", doc_id="D", kind="tag", tag="hot")]
        events = list(rs.review_session(ReviewerLimiter(100), iter(actions), ctx))
    assert events[0].status == "PERMISSION_DENIED"
    ds.ApplyTag.assert_not_called()


def test_expired_token_ends_the_session():
    ctx = FakeContext()
    with mock.patch.object(rs, "principal", return_value=_principal(exp=time.time() - 1)):
        actions = [review_pb2.ReviewAction(request_id="1", matter_id="M-1", doc_id="D", kind="tag")]
        with pytest.raises(Aborted):
            list(rs.review_session(ReviewerLimiter(100), iter(actions), ctx))
    assert ctx.aborted[0] == grpc.StatusCode.UNAUTHENTICATED
