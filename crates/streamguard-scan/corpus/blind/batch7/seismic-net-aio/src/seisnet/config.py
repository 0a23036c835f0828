"""Settings for seisd, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("SEISD_LISTEN", "[::]:50061")
    dataselect_url: str = os.environ.get("DATASELECT_URL", "http://waveforms.internal:8080/fdsnws/dataselect/1/query")
    catalog_dsn: str = os.environ.get("CATALOG_DSN", "postgresql://seis@catalog/seiscomp")
    picker_addr: str = os.environ.get("PICKER_ADDR", "picker.internal:50062")
    jwt_public_key_file: str = os.environ.get("JWT_PUBLIC_KEY_FILE", "/etc/seisnet/jwt.pub")
    jwt_audience: str = os.environ.get("JWT_AUDIENCE", "seisnet")
    jwt_issuer: str = os.environ.get("JWT_ISSUER", "https://auth.seisnet.example")
    station_key_file: str = os.environ.get("STATION_KEY_FILE", "/etc/seisnet/station-hmac.key")
    # Segments are fetched in 10 s windows; a slower archive means the stream has fallen behind.
    segment_seconds: float = 10.0
    archive_timeout_s: float = 10.0
    max_packets_per_second: int = 50
    public_streams: frozenset[str] = field(default_factory=lambda: frozenset({"query_events"}))


settings = Settings()
