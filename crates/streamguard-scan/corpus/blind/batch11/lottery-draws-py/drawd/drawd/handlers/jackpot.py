import time

import grpc
import requests

from .. import config
from ..pb import lottery_pb2
from ..security import require_role, still_valid

POLL_S = 5.0


class JackpotFeed:
    def __init__(self, http: requests.Session):
        self.http = http

    @require_role("screen", "retailer")
    def WatchJackpot(self, request, context, *, principal):
        games = list(request.games) or ["lotto", "euro", "daily3"]
        last_check = time.monotonic()
        while context.is_active():
            if time.monotonic() - last_check >= config.RECHECK_EVERY_S:
                if not still_valid(principal):
                    context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
                last_check = time.monotonic()
            remaining = context.time_remaining()
            timeout = min(remaining, POLL_S) if remaining is not None else POLL_S
            resp = self.http.get(config.JACKPOT_URL, params={"games": ",".join(games)}, timeout=timeout)
            resp.raise_for_status()
            for g in resp.json()["games"]:
                yield lottery_pb2.JackpotTick(
                    game=g["game"], jackpot_cents=g["jackpot_cents"], next_draw_unix=g["next_draw_unix"]
                )
            time.sleep(POLL_S)
