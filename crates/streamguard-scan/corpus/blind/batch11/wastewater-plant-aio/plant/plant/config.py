import os

LISTEN = os.environ.get("PLANT_LISTEN", "[::]:50400")
JWT_PUBLIC_KEY = os.environ.get("PLANT_JWT_KEY", "/etc/wwtp/operators.pem")
JWT_AUDIENCE = "wwtp-plant"
NATS_URL = os.environ.get("NATS_URL", "nats://127.0.0.1:4222")
SCADA_URL = os.environ.get("SCADA_URL", "http://scada-gw.plant.lan:8080")
PLC_HOST = os.environ.get("PLC_HOST", "10.20.0.15")
MAX_STREAM_S = 20 * 60
COMMANDS_PER_MINUTE = 20
