from __future__ import annotations

import os

import requests

ES_URL = os.environ.get("ES_URL", "http://elasticsearch:9200")
INDEX = os.environ.get("ES_INDEX", "docs")

_session = requests.Session()


def put_document(doc_id: str, body: dict) -> None:
    resp = _session.put(f"{ES_URL}/{INDEX}/_doc/{doc_id}", json=body, timeout=10)
    resp.raise_for_status()


def index_stats() -> dict:
    resp = _session.get(f"{ES_URL}/{INDEX}/_stats/docs", timeout=5)
    resp.raise_for_status()
    return resp.json()
