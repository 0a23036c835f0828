import os

LISTEN = os.environ.get("NURSERY_LISTEN", "[::]:50150")
JWT_SECRET = os.environ.get("NURSERY_JWT_SECRET", "")
JWT_AUDIENCE = "nursery"
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/3")
CLIMATE_ADDR = os.environ.get("CLIMATE_ADDR", "climate.nursery.lan:50151")
VALVES_URL = os.environ.get("VALVES_URL", "http://valves.nursery.lan")
PG_DSN = os.environ.get("NURSERY_PG", "dbname=nursery host=db.nursery.lan user=nurseryd")
ARCHIVE_BUCKET = os.environ.get("ARCHIVE_BUCKET", "orchid-potting-archive")
BENCH_PERIOD_S = 3.0
COMMANDS_PER_MINUTE = 30
