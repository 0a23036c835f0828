"""Revoked token ids, pushed by the identity service over Redis pub/sub."""

from __future__ import annotations

import json
import logging
import threading
import time

import redis

from proctor import settings

log = logging.getLogger(__name__)


class RevocationSet:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jti: set[str] = set()
        self._sub: set[str] = set()

    def add(self, event: dict) -> None:
        with self._lock:
            if event.get("jti"):
                self._jti.add(event["jti"])
            if event.get("sub"):
                self._sub.add(event["sub"])

    def is_revoked(self, claims: dict) -> bool:
        with self._lock:
            return claims.get("jti") in self._jti or claims.get("sub") in self._sub

    def follow(self) -> threading.Thread:
        def run():
            client = redis.Redis.from_url(settings.REDIS_URL)
            pubsub = client.pubsub()
            pubsub.subscribe("auth:revoked")
            for item in pubsub.listen():
                if item.get("type") != "message":
                    continue
                try:
                    self.add(json.loads(item["data"]))
                except (ValueError, TypeError):
                    log.warning("bad revocation event")

        t = threading.Thread(target=run, name="revocations", daemon=True)
        t.start()
        return t


def still_valid(claims: dict, revoked: RevocationSet) -> bool:
    return claims["exp"] > time.time() and not revoked.is_revoked(claims)
