import os

LISTEN = os.environ.get("CENTRIFUGE_LISTEN", "[::]:50071")
JWT_SECRET_FILE = os.environ.get("CENTRIFUGE_JWT_SECRET_FILE", "/run/secrets/centrifuge-jwt")
ISSUER = "https://sso.refinery.example"
AUDIENCE = "centrifuge-svc"
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis.refinery.internal:6379/0")
PLC_ADDR = os.environ.get("PLC_GATEWAY", "plc-gw.refinery.internal:50090")
MES_URL = os.environ.get("MES_URL", "http://mes.refinery.internal/api")
LAB_DSN = os.environ.get("LAB_DSN", "postgresql://lab@lab-db.refinery.internal/lims")
PUSH_INTERVAL_S = 2.0
COMMANDS_PER_MINUTE = 40
