"""HTTP read side of the transcript store (lines since N)."""
from __future__ import annotations

import requests

from courtrec.common import config

_session = requests.Session()


def lines_since(hearing_id: str, after: int) -> list[dict]:
    resp = _session.get(f"{config.STORE_HTTP}/hearings/{hearing_id}/lines", params={"after": after}, timeout=10)
    resp.raise_for_status()
    return resp.json()["lines"]


def hearing_status(hearing_id: str) -> str:
    resp = _session.get(f"{config.STORE_HTTP}/hearings/{hearing_id}", timeout=10)
    resp.raise_for_status()
    return resp.json()["status"]
