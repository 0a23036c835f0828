import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("IRRIGATION_LISTEN", "[::]:50055")
    jwt_public_key_path: str = os.environ.get("IRRIGATION_JWT_KEY", "/etc/irrigation/jwt.pub")
    issuer: str = "https://auth.hopfarm.example"
    audience: str = "irrigation"
    weather_url: str = os.environ.get("WEATHER_URL", "http://agromet.internal/api")
    valve_controller_url: str = os.environ.get("VALVE_URL", "http://valve-ctl.internal:8081")
    database_dsn: str = os.environ.get("DATABASE_DSN", "postgresql://irrigation@db.internal/irrigation")
    max_samples_per_stream: int = 20_000


settings = Settings()
