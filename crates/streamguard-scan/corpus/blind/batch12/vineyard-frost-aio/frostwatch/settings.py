import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("FROST_LISTEN", "[::]:50061")
    jwt_public_key_file: str = os.environ.get("FROST_JWT_KEY", "/etc/frostwatch/estate-sso.pem")
    jwt_issuer: str = "https://sso.estate.example"
    jwt_audience: str = "frostwatch"
    pg_dsn: str = os.environ.get("FROST_PG", "postgresql://frost@db/vineyard")
    weather_url: str = os.environ.get("FROST_WEATHER", "https://agromet.example/api/v2")
    fan_gateway: str = os.environ.get("FROST_FANS", "http://fan-gw.estate.lan:8088")
    max_watch_seconds: int = 3 * 3600
    fan_commands_per_minute: int = 12


SETTINGS = Settings()
