"""Revoked token ids and disabled reviewers, pushed by the SSO bridge over
Redis pub/sub and held in memory. A subscriber thread applies each event as
it arrives; on start the full set is loaded from the `review:revoked` hash."""
import json
import logging
import threading

import redis

from .config import settings

log = logging.getLogger(__name__)


class RevocationSet:
    def __init__(self) -> None:
        self._jtis: set[str] = set()
        self._subs: set[str] = set()
        self._lock = threading.Lock()

    def start(self) -> None:
        r = redis.Redis.from_url(settings.redis_url)
        for raw in r.hvals("review:revoked"):
            self._apply(json.loads(raw))
        pubsub = r.pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe(**{"review:revocations": lambda m: self._apply(json.loads(m["data"]))})
        pubsub.run_in_thread(sleep_time=0.05, daemon=True)

    def _apply(self, event: dict) -> None:
        with self._lock:
            if event.get("jti"):
                self._jtis.add(event["jti"])
            if event.get("sub"):
                self._subs.add(event["sub"])
        log.info("revocation applied: %s", event)

    def is_revoked(self, jti: str, sub: str) -> bool:
        with self._lock:
            return jti in self._jtis or sub in self._subs


revocations = RevocationSet()
