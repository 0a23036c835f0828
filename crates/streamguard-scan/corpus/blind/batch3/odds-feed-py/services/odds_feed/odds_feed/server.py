import collections
import time

import grpc

from .auth import Introspector
from .clients.pricing import PricingClient
from .config import Config
from .feeds import MarketBoard, MarketPublisher
from .gen import odds_pb2, odds_pb2_grpc


class OddsFeedService(odds_pb2_grpc.OddsFeedServicer):
    def __init__(self, cfg: Config, auth: Introspector, pricing: PricingClient, board: MarketBoard):
        self._cfg = cfg
        self._auth = auth
        self._pricing = pricing
        self._board = board

    async def GetMarket(self, request, context):
        await self._auth.authenticate(context)
        selections = await self._pricing.quote(request.market_id, [], timeout=context.time_remaining())
        return odds_pb2.Market(market_id=request.market_id, status="open", selections=selections)

    async def SubscribeMarkets(self, request, context):
        principal = await self._auth.authenticate(context)
        if "odds:read" not in principal.scopes:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, "odds:read required")
        async with self._auth.recheck(principal) as revoked:
            publisher = MarketPublisher(context, self._pricing, self._board, principal.sub)
            await publisher.run(list(request.market_ids), request.sport, revoked)

    async def PlaceBets(self, request_iterator, context):
        principal = await self._auth.authenticate(context)
        recent: collections.deque[float] = collections.deque()
        async with self._auth.recheck(principal) as revoked:
            while True:
                slip = await context.read()
                if slip is grpc.aio.EOF:
                    break
                if revoked.is_set():
                    await context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
                now = time.monotonic()
                while recent and now - recent[0] > 60:
                    recent.popleft()
                if len(recent) >= self._cfg.bets_per_minute:
                    await context.write(odds_pb2.BetDecision(slip_id=slip.slip_id, accepted=False, reason="rate_limited"))
                    continue
                recent.append(now)
                if "bets:place" not in principal.scopes or slip.market_id not in principal.markets:
                    await context.write(odds_pb2.BetDecision(slip_id=slip.slip_id, accepted=False, reason="not_entitled"))
                    continue
                res = await self._pricing.accept(principal.account, slip, timeout=self._cfg.accept_timeout_s)
                await context.write(
                    odds_pb2.BetDecision(
                        slip_id=slip.slip_id,
                        accepted=res.accepted,
                        bet_id=res.bet_id,
                        matched_price=res.matched_price,
                        reason=res.reason,
                    )
                )
