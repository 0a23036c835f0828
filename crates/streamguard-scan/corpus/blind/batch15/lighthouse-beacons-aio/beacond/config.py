import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("BEACOND_LISTEN", "[::]:50551")
    jwt_public_key_file: str = os.environ.get("BEACOND_JWT_KEY", "/etc/beacond/jwt.pub")
    issuer: str = "https://idp.lighthouses.example"
    audience: str = "beacond"
    lamp_controller_url: str = os.environ.get("LAMP_CTL_URL", "http://lampctl.coast.internal:8070")
    pg_dsn: str = os.environ.get("PG_DSN", "postgresql://beacond@pg.coast.internal/beacons")
    keeper_commands_per_minute: int = 12


settings = Settings()
