import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("DAMWATCH_LISTEN", "[::]:50055")
    jwt_public_key_file: str = os.environ.get("DAMWATCH_JWT_KEY", "/etc/damwatch/jwt.pem")
    jwt_issuer: str = os.environ.get("DAMWATCH_ISSUER", "https://sso.hydro.internal")
    jwt_audience: str = "damwatch"
    historian_url: str = os.environ.get("HISTORIAN_URL", "http://historian.scada.internal:8086")
    plc_target: str = os.environ.get("GATE_PLC", "gate-plc.scada.internal:50060")
    database_dsn: str = os.environ.get("DAMWATCH_DSN", "postgresql://damwatch@pg/hydro")
    redis_url: str = os.environ.get("REDIS_URL", "redis://redis:6379/0")
    min_interval_s: int = 2
    gate_max_step_pct: float = 10.0
    dams: tuple = field(default=("upper-kerr", "lower-kerr"))


settings = Settings()
