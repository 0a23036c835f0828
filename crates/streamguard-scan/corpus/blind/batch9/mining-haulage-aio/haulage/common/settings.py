"""Runtime settings from the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("FLEETD_LISTEN", "[::]:50090")
    board_listen: str = os.environ.get("BOARD_LISTEN", "[::]:50091")
    jwt_public_key_path: str = os.environ.get("FLEETD_JWT_KEY", "/etc/haulage/fleet-jwt.pub")
    jwt_audience: str = os.environ.get("FLEETD_AUDIENCE", "fleetd")
    planner_url: str = os.environ.get("PLANNER_URL", "http://planner.pit.local:8088")
    archive_url: str = os.environ.get("ARCHIVE_URL", "http://archive.pit.local:9000")
    database_dsn: str = os.environ.get("DATABASE_DSN", "postgresql://fleetd@db.pit.local/haulage")
    redis_url: str = os.environ.get("REDIS_URL", "redis://redis.pit.local:6379/0")
    max_road_watch_s: float = float(os.environ.get("ROAD_WATCH_MAX_S", "1800"))


settings = Settings()
