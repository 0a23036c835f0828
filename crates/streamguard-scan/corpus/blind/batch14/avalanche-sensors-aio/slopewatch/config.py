import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    listen: str = os.environ.get("SLOPEWATCH_LISTEN", "[::]:50120")
    jwt_public_key_file: str = os.environ.get("SLOPEWATCH_JWT_KEY", "/etc/slopewatch/jwt.pem")
    jwt_issuer: str = os.environ.get("SLOPEWATCH_ISSUER", "https://sso.patrol.example")
    jwt_audience: str = "slopewatch"
    snowpack_url: str = os.environ.get("SNOWPACK_URL", "http://snowpack-model.patrol.lan:8000")
    exploder_addr: str = os.environ.get("EXPLODER_ADDR", "gazex-ctl.patrol.lan:50130")
    default_interval_s: int = 10
    public_methods: tuple = field(default=("/grpc.health.v1.Health/Check",))


settings = Settings()
