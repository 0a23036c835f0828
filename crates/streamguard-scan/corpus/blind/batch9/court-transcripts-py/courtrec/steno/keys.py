"""Steno machine API keys (one per court reporter's writer)."""
from __future__ import annotations

import hashlib

from courtrec.common.db import pool


def reporter_for_key(raw: str) -> str | None:
    digest = hashlib.sha256(raw.encode()).hexdigest()
    with pool.connection() as conn:
        row = conn.execute("SELECT reporter FROM steno_keys WHERE key_sha256 = %s AND NOT disabled", (digest,)).fetchone()
    return row[0] if row else None
