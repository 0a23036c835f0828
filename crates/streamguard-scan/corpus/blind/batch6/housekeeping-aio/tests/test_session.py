import asyncio

import grpc
import pytest

from hk.session import SessionEnded, Staff, StreamSession


class Hub:
    def __init__(self):
        self.watched = []

    def watch(self, jti, sub, s):
        self.watched.append(s)

    def unwatch(self, jti, sub, s):
        self.watched.remove(s)


@pytest.mark.asyncio
async def test_guard_raises_when_token_expires():
    import time
    staff = Staff("att-1", "j", int(time.time()) + 1, frozenset({"P1"}), "attendant")
    s = StreamSession(staff, Hub())
    s._arm()
    with pytest.raises(SessionEnded) as exc:
        await s.guard(asyncio.sleep(5))
    assert exc.value.reason == "token_expired"
    s.close()


@pytest.mark.asyncio
async def test_revocation_ends_session_immediately():
    import time
    staff = Staff("att-1", "j", int(time.time()) + 600, frozenset({"P1"}), "attendant")
    s = StreamSession(staff, Hub())
    s._arm()
    asyncio.get_running_loop().call_later(0.05, s.revoked)
    with pytest.raises(SessionEnded) as exc:
        await s.guard(asyncio.sleep(5))
    assert exc.value.code == grpc.StatusCode.PERMISSION_DENIED
    s.close()
