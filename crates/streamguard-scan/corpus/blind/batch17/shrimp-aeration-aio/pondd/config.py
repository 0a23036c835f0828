import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("PONDD_LISTEN", "[::]:50130")
    jwt_public_key_file: str = os.environ.get("PONDD_JWT_KEY", "/etc/pondd/jwt.pub")
    jwt_audience: str = "pond-ops"
    jwt_issuer: str = "https://sso.bluewater-shrimp.example"
    sensor_api: str = os.environ.get("SENSOR_API", "http://sensors.farm.lan:8080")
    database_dsn: str = os.environ.get("PONDD_DSN", "postgresql://pondd@db.farm.lan/ponds")
    plc_host: str = os.environ.get("AERATOR_PLC", "10.20.0.5")
    reading_period_s: float = 15.0
    commands_per_minute: int = 20


settings = Settings()
