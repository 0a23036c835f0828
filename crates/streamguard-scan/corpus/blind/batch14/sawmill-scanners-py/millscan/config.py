import os

LISTEN = os.environ.get("MILLSCAN_LISTEN", "[::]:50140")
JWT_SECRET = os.environ.get("MILLSCAN_JWT_SECRET", "")
JWT_AUDIENCE = "millscan"
REDIS_URL = os.environ.get("REDIS_URL", "redis://mill-redis:6379/0")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://millscan@mill-db/millscan")
PLC_URL = os.environ.get("PLC_URL", "http://headrig-plc.mill.lan")
OPTIMIZER_ADDR = os.environ.get("OPTIMIZER_ADDR", "optimizer.mill.lan:50141")
ARCHIVE_URL = os.environ.get("ARCHIVE_URL", "http://archive.mill.lan/shift-exports")
SCANS_PER_MINUTE = 600
SETWORKS_PER_MINUTE = 120
