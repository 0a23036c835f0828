import os

LISTEN = os.environ.get("GROWROOMS_LISTEN", "[::]:50700")
JWT_SECRET_FILE = os.environ.get("GROWROOMS_JWT_SECRET", "/run/secrets/growrooms-jwt")
JWT_AUDIENCE = "growrooms"
JWT_ISSUER = "https://login.sporeworks.example"
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis.farm.internal:6379/0")
HVAC_ADDR = os.environ.get("HVAC_ADDR", "hvac-bridge.farm.internal:50710")
PG_DSN = os.environ.get("PG_DSN", "postgresql://growrooms@pg.farm.internal/harvest")
ARCHIVE_BUCKET = os.environ.get("ARCHIVE_BUCKET", "sporeworks-harvest-archive")
MAX_WATCH_SECONDS = 30 * 60
SETPOINTS_PER_MINUTE = 20
