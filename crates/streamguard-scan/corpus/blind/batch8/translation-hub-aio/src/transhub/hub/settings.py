import os

LISTEN = os.environ.get("TRANSHUB_LISTEN", "[::]:50800")
JWT_PUBLIC_KEY = open(os.environ.get("TRANSHUB_JWT_KEY", "/etc/transhub/jwt.pub"), "rb").read() if os.path.exists(os.environ.get("TRANSHUB_JWT_KEY", "/etc/transhub/jwt.pub")) else b""
JWT_AUDIENCE = os.environ.get("TRANSHUB_JWT_AUDIENCE", "transhub")
MT_ENGINE_URL = os.environ.get("MT_ENGINE_URL", "http://mt-proxy.internal:8088")
DATABASE_DSN = os.environ.get("DATABASE_DSN", "postgresql://transhub@localhost/tm")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/4")
LOOKUPS_PER_MINUTE = int(os.environ.get("LOOKUPS_PER_MINUTE", "600"))
MAX_TMX_UNITS = 500_000
FOLLOW_MAX_SECONDS = 2 * 60 * 60
