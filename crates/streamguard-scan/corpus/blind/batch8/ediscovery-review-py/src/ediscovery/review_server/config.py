import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("REVIEW_LISTEN", "[::]:50551")
    jwt_public_key_file: str = os.environ.get("REVIEW_JWT_PUBLIC_KEY", "/etc/review/jwt.pub")
    jwt_audience: str = os.environ.get("REVIEW_JWT_AUDIENCE", "review")
    jwt_issuer: str = os.environ.get("REVIEW_JWT_ISSUER", "https://sso.lawfirm.example/")
    redis_url: str = os.environ.get("REDIS_URL", "redis://localhost:6379/2")
    database_url: str = os.environ.get("DATABASE_URL", "postgresql://review@localhost/review")
    docstore_addr: str = os.environ.get("DOCSTORE_ADDR", "docstore.internal:50560")
    assignments_addr: str = os.environ.get("ASSIGNMENTS_ADDR", "assign.internal:50561")
    renderer_addr: str = os.environ.get("RENDERER_ADDR", "render.internal:50562")
    batch_poll_seconds: float = float(os.environ.get("BATCH_POLL_SECONDS", "5"))
    actions_per_minute: int = int(os.environ.get("ACTIONS_PER_MINUTE", "240"))
    render_workers: int = int(os.environ.get("RENDER_WORKERS", "16"))
    max_load_file_lines: int = 200_000
    server_options: list = field(default_factory=lambda: [
        ("grpc.max_connection_age_ms", 60 * 60 * 1000),
        ("grpc.max_connection_age_grace_ms", 30_000),
        ("grpc.keepalive_time_ms", 30_000),
    ])


settings = Settings()
