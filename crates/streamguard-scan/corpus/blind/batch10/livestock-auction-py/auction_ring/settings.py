import os

LISTEN = os.environ.get("RING_LISTEN", "[::]:50071")
JWT_SECRET = os.environ.get("RING_JWT_SECRET", "")
JWT_ISSUER = os.environ.get("RING_JWT_ISSUER", "https://accounts.countymarket.example")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://ring@db/auction")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/0")
CREDIT_DESK_URL = os.environ.get("CREDIT_DESK_URL", "http://credit-desk.internal:8000")
SCALE_KEYS = dict(pair.split("=", 1) for pair in os.environ.get("SCALE_KEYS", "").split(",") if "=" in pair)
BIDS_PER_SECOND = 3
WATCH_PERIOD_S = 1.0
DEFAULT_DB_TIMEOUT_S = 5.0
