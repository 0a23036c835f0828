import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("LEDGER_LISTEN", "[::]:50061")
    jwt_public_key_path: str = os.environ.get("LEDGER_JWT_PUBLIC_KEY", "/etc/ledger/jwt.pem")
    jwt_audience: str = os.environ.get("LEDGER_JWT_AUDIENCE", "ledger")
    jwt_issuer: str = os.environ.get("LEDGER_JWT_ISSUER", "https://idp.bank.internal")
    fx_target: str = os.environ.get("FX_TARGET", "fx.bank.internal:50070")
    risk_url: str = os.environ.get("RISK_URL", "http://risk.bank.internal/v2/score")
    database_url: str = os.environ.get("LEDGER_DATABASE_URL", "postgresql://ledger@db.bank.internal/ledger")
    redis_url: str = os.environ.get("LEDGER_REDIS_URL", "redis://redis.bank.internal:6379/3")
    max_batch: int = int(os.environ.get("LEDGER_MAX_BATCH", "500"))
    payments_per_minute: int = int(os.environ.get("LEDGER_PAYMENTS_PER_MINUTE", "120"))
    workers: int = int(os.environ.get("LEDGER_WORKERS", "32"))
    server_options: list = field(
        default_factory=lambda: [
            ("grpc.max_connection_age_ms", 10 * 60 * 1000),
            ("grpc.max_connection_age_grace_ms", 30 * 1000),
            ("grpc.keepalive_time_ms", 60 * 1000),
        ]
    )


settings = Settings()
