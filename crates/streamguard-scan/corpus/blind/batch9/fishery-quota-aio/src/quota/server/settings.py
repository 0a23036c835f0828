from __future__ import annotations

import os

LISTEN = os.environ.get("QUOTA_LISTEN", "[::]:8443")
JWT_ISSUER = os.environ.get("QUOTA_ISSUER", "https://auth.fisheries.example")
JWT_AUDIENCE = os.environ.get("QUOTA_AUDIENCE", "quota")
JWT_KEY_FILE = os.environ.get("QUOTA_JWT_KEY", "/etc/quota/issuer.pem")
NATS_URL = os.environ.get("NATS_URL", "nats://nats.fisheries.internal:4222")
REGISTRY_ADDR = os.environ.get("REGISTRY_ADDR", "registry.fisheries.internal:443")
OCR_URL = os.environ.get("OCR_URL", "http://ocr.fisheries.internal/v1/pages")
DATABASE_DSN = os.environ.get("DATABASE_DSN", "postgresql://quota@db/quota")
MAX_STREAM_S = float(os.environ.get("QUOTA_MAX_STREAM_S", "1200"))
RECORDS_PER_MINUTE = int(os.environ.get("QUOTA_RECORDS_PER_MINUTE", "120"))
DEFAULT_DOWNSTREAM_S = 10.0
