import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("KILN_LISTEN", "[::]:50900")
    jwks_file: str = os.environ.get("KILN_JWKS_FILE", "/etc/kilnworks/jwks.json")
    issuer: str = "https://accounts.claystudio.example"
    audience: str = "kilnworks"
    nats_url: str = os.environ.get("NATS_URL", "nats://nats.studio.internal:4222")
    redis_url: str = os.environ.get("REDIS_URL", "redis://redis.studio.internal:6379/3")
    controller_url: str = os.environ.get("KILN_CTL_URL", "http://kiln-bridge.studio.internal:8300")
    pg_dsn: str = os.environ.get("PG_DSN", "postgresql://kilnworks@pg.studio.internal/kilns")
    max_stream_seconds: float = 25 * 60
    commands_per_minute: int = 30
    max_segments: int = 32


settings = Settings()
