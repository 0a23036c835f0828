import json
import logging

import requests

log = logging.getLogger(__name__)


class ElasticSink:
    def __init__(self, base_url: str, timeout: float = 10.0):
        self._base = base_url.rstrip("/")
        self._timeout = timeout
        self._session = requests.Session()
        self._session.headers["Content-Type"] = "application/x-ndjson"

    def bulk(self, index: str, docs: list[dict]) -> int:
        if not docs:
            return 0
        lines = []
        for doc in docs:
            lines.append(json.dumps({"create": {"_index": index}}))
            lines.append(json.dumps(doc))
        body = "\n".join(lines) + "\n"
        resp = self._session.post(f"{self._base}/_bulk", data=body, timeout=self._timeout)
        resp.raise_for_status()
        result = resp.json()
        if result.get("errors"):
            failed = sum(1 for item in result["items"] if item["create"].get("error"))
            log.warning("bulk into %s: %d failures", index, failed)
            return len(docs) - failed
        return len(docs)
