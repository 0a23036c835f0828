import os

LISTEN = os.environ.get("CELLAR_LISTEN", "[::]:50170")
JWT_SECRET = os.environ.get("CELLAR_JWT_SECRET", "")
NATS_URL = os.environ.get("NATS_URL", "nats://nats.brewery.lan:4222")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis.brewery.lan/1")
PG_DSN = os.environ.get("CELLAR_PG", "postgresql://cellar@db.brewery.lan/cellar")
PUMPS_ADDR = os.environ.get("PUMPS_ADDR", "pumps.brewery.lan:50171")
RECIPES_URL = os.environ.get("RECIPES_URL", "http://recipes.brewery.lan")
MAX_STREAM_S = 30 * 60
PUMP_TIMEOUT_S = 15.0
COMMANDS_PER_MINUTE = 12
