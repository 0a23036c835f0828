import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("HIVED_LISTEN", "[::]:50110")
    jwt_public_key_file: str = os.environ.get("HIVED_JWT_KEY", "/etc/hived/jwt.pem")
    jwt_issuer: str = os.environ.get("HIVED_JWT_ISSUER", "https://auth.beeline.example")
    jwt_audience: str = "hived"
    database_url: str = os.environ.get("DATABASE_URL", "postgresql://hived@localhost/hived")
    weather_url: str = os.environ.get("WEATHER_URL", "https://weather.internal/v1/current")
    swarm_webhook: str = os.environ.get("SWARM_WEBHOOK", "https://alerts.internal/hooks/swarm")
    readings_per_second: float = 5.0
    burst: int = 20
    public_methods: frozenset = field(default_factory=lambda: frozenset({"/grpc.health.v1.Health/Check"}))


settings = Settings()
