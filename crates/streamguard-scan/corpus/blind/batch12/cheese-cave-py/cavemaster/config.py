import os

LISTEN = os.environ.get("CAVE_LISTEN", "[::]:50081")
JWT_SECRET_FILE = os.environ.get("CAVE_JWT_SECRET", "/run/secrets/coop-jwt")
JWT_AUDIENCE = "cavemaster"
REDIS_URL = os.environ.get("CAVE_REDIS", "redis://redis:6379/1")
SENSOR_URL = os.environ.get("CAVE_SENSORS", "http://sensor-hub.cave.lan")
ROBOT_URL = os.environ.get("CAVE_ROBOT", "http://rack-robot.cave.lan:9000")
PG_DSN = os.environ.get("CAVE_PG", "postgresql://cave@db/ageing")
ARCHIVE_BUCKET = os.environ.get("CAVE_ARCHIVE", "coop-ageing-archive")
TURNS_PER_MINUTE = 40
CLIMATE_PERIOD_S = 2.0
