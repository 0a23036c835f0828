import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    listen: str = os.environ.get("ODDS_LISTEN", "[::]:6100")
    introspection_url: str = os.environ.get("ODDS_INTROSPECTION_URL", "https://oauth.bookie.internal/introspect")
    introspection_client: str = os.environ.get("ODDS_INTROSPECTION_CLIENT", "odds-feed")
    introspection_secret: str = os.environ.get("ODDS_INTROSPECTION_SECRET", "")
    recheck_seconds: float = float(os.environ.get("ODDS_RECHECK_SECONDS", "60"))
    pricing_target: str = os.environ.get("ODDS_PRICING_TARGET", "pricing.bookie.internal:6200")
    accept_timeout_s: float = float(os.environ.get("ODDS_ACCEPT_TIMEOUT", "2.0"))
    bets_per_minute: int = int(os.environ.get("ODDS_BETS_PER_MINUTE", "30"))
    redis_url: str = os.environ.get("ODDS_REDIS_URL", "redis://redis.bookie.internal:6379/2")


config = Config()
