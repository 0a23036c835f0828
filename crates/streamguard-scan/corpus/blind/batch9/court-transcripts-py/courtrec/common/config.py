from __future__ import annotations

import os

LISTEN = os.environ.get("TRANSCRIPTD_LISTEN", "[::]:7070")
STENO_LISTEN = os.environ.get("STENO_LISTEN", "[::]:7071")
JWT_SECRET_FILE = os.environ.get("COURT_JWT_KEY_FILE", "/run/secrets/court-jwt.pub")
JWT_AUDIENCE = os.environ.get("COURT_JWT_AUDIENCE", "transcripts")
STORE_ADDR = os.environ.get("TRANSCRIPT_STORE_ADDR", "store.court.internal:7080")
STORE_HTTP = os.environ.get("TRANSCRIPT_STORE_HTTP", "http://store.court.internal:7081")
ARCHIVE_URL = os.environ.get("ARCHIVE_URL", "http://archive.court.internal/api/docket")
DATABASE_DSN = os.environ.get("DATABASE_DSN", "postgresql://transcripts@db.court.internal/court")
REDIS_URL = os.environ.get("REDIS_URL", "redis://cache.court.internal:6379/1")
MAX_LINES_PER_STREAM = int(os.environ.get("STENO_MAX_LINES", "40000"))
