"""Revoked token ids and users, pushed by the SSO over Redis pub/sub into a local set."""
import json
import logging
import threading

import redis

from . import config

log = logging.getLogger(__name__)


class RevocationSet:
    def __init__(self, url: str):
        self._redis = redis.Redis.from_url(url)
        self._jti: set[str] = set()
        self._sub: set[str] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        for raw in self._redis.smembers("sso:revoked"):
            self._add(json.loads(raw))
        pubsub = self._redis.pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe(**{"sso:revocations": lambda m: self._add(json.loads(m["data"]))})
        pubsub.run_in_thread(sleep_time=0.05, daemon=True)

    def _add(self, item: dict) -> None:
        with self._lock:
            if item.get("jti"):
                self._jti.add(item["jti"])
            if item.get("sub"):
                self._sub.add(item["sub"])
        log.info("revocation received: %s", item)

    def is_revoked(self, jti: str, sub: str) -> bool:
        with self._lock:
            return jti in self._jti or sub in self._sub


revocations = RevocationSet(config.REDIS_URL)
