import os

LISTEN = os.environ.get("IRRIGATION_LISTEN", "[::]:50081")
JWKS_PEM = os.environ.get("IRRIGATION_JWT_PEM", "/etc/irrigation/issuer.pem")
ISSUER = os.environ.get("IRRIGATION_ISSUER", "https://auth.orchardco.example")
DSN = os.environ.get("IRRIGATION_DSN", "postgresql://irrigation@pg/orchard")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/3")
RTU_TARGET = os.environ.get("RTU_TARGET", "rtu-gw.farm.internal:50090")
WEATHER_URL = os.environ.get("WEATHER_URL", "https://api.agweather.example/v3")
MAX_STREAM_LIFETIME_S = 20 * 60
PUSH_PERIOD_S = 5
COMMANDS_PER_MINUTE = 20
FLOW_SAMPLES_PER_SECOND = 50
