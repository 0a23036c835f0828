import os

LISTEN = os.environ.get("TIDAL_LISTEN", "[::]:50051")
JWKS_FILE = os.environ.get("TIDAL_JWKS", "/etc/tidal/operator-jwks.json")
AUDIENCE = "tidalgrid"
ISSUER = "https://idp.tidal-array.example"
NATS_URL = os.environ.get("TIDAL_NATS", "nats://nats:4222")
HISTORIAN_URL = os.environ.get("TIDAL_HISTORIAN", "http://historian.scada:8086")
TURBINE_CTRL = os.environ.get("TIDAL_CTRL", "http://turbine-ctrl.scada:8443")
MAX_STREAM_S = 20 * 60
ORDERS_PER_MINUTE = 30
