from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    listen: str
    jwt_public_key_file: str
    jwt_audience: str
    warehouse_api: str
    audit_url: str
    redis_url: str
    max_watch_seconds: int

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            listen=os.environ.get("INV_LISTEN", "[::]:50070"),
            jwt_public_key_file=os.environ.get("INV_JWT_PUBKEY", "/etc/inventory/jwt.pem"),
            jwt_audience=os.environ.get("INV_JWT_AUDIENCE", "inventory"),
            warehouse_api=os.environ.get("INV_WAREHOUSE_API", "http://wms.internal:8080"),
            audit_url=os.environ.get("INV_AUDIT_URL", "http://audit.internal:8090/events"),
            redis_url=os.environ.get("INV_REDIS_URL", "redis://localhost:6379/0"),
            max_watch_seconds=int(os.environ.get("INV_MAX_WATCH_SECONDS", "3600")),
        )
