import asyncio
from unittest import mock

import pytest

from edgehub.commands import CommandRouter
from edgehub.counters import DeviceRateLimiter
from edgehub.device_auth import DeviceIdentity
from edgehub.gen import hub_pb2
from edgehub.service import DeviceHubService


class Ctx:
    async def abort(self, code, details):
        raise RuntimeError(details)

    def time_remaining(self):
        return None


async def messages(*msgs, hold=0.05):
    for m in msgs:
        yield m
    await asyncio.sleep(hold)


@pytest.mark.asyncio
async def test_connect_delivers_pending_command_and_ack_clears_it():
    router = CommandRouter()
    cmd_id = router.send("dev-1", "reboot", b"")
    auth = mock.AsyncMock()
    auth.verify.return_value = DeviceIdentity("dev-1", "fleet-a", 2_000_000_000)
    svc = DeviceHubService(auth, router, mock.AsyncMock(), mock.AsyncMock(), DeviceRateLimiter(100))
    inbound = messages(hub_pb2.DeviceMessage(ack=hub_pb2.CommandAck(command_id=cmd_id, ok=True)))
    out = [m async for m in svc.Connect(inbound, Ctx())]
    assert out[0].notice.startswith("welcome")
    assert out[1].command.command_id == cmd_id
    assert router.ack("dev-1", cmd_id) is False
