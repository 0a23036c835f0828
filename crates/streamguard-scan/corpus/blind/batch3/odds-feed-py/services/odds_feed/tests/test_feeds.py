import asyncio
from unittest import mock

import pytest

from odds_feed.feeds import MarketPublisher


class Board:
    def __init__(self, changes):
        self._changes = changes

    async def changes(self, market_ids, sport):
        for c in self._changes:
            yield c


@pytest.mark.asyncio
async def test_publisher_writes_one_update_per_change():
    ctx = mock.AsyncMock()
    ctx.time_remaining = mock.Mock(return_value=None)
    pricing = mock.AsyncMock()
    pricing.quote.return_value = []
    pub = MarketPublisher(ctx, pricing, Board([{"market_id": "m1"}, {"market_id": "m2"}]), "sub-1")
    await pub.run(["m1", "m2"], "", asyncio.Event())
    assert ctx.write.await_count == 2


@pytest.mark.asyncio
async def test_publisher_aborts_when_revoked():
    ctx = mock.AsyncMock()
    ctx.time_remaining = mock.Mock(return_value=None)
    revoked = asyncio.Event()
    revoked.set()
    pub = MarketPublisher(ctx, mock.AsyncMock(), Board([{"market_id": "m1"}]), "sub-1")
    await pub.run(["m1"], "", revoked)
    ctx.abort.assert_awaited()
