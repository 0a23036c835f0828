"""WatchDocket: the courthouse docket board for clerks."""
from __future__ import annotations

import json
import logging
import threading
import time

import grpc
import jwt
import redis
import requests

from courtrec.common import config
from courtrec.common.auth import Caller, verify
from courtrec.gen.court.v1 import transcripts_pb2

log = logging.getLogger(__name__)

# Clerks' tokens are re-verified once a minute so a disabled account drops off.
RECHECK_S = 60


class DocketWatcher:
    def __init__(self) -> None:
        self._redis = redis.Redis.from_url(config.REDIS_URL)
        self._http = requests.Session()

    def _mirror(self, event: dict) -> None:
        # The records office keeps a copy of every docket event it sees.
        for attempt in range(5):
            try:
                self._http.post(config.ARCHIVE_URL, json=event, timeout=15).raise_for_status()
                return
            except requests.RequestException:
                time.sleep(2 ** attempt)
        log.error("docket mirror gave up for %s", event.get("case_no"))

    def watch(self, request, context: grpc.ServicerContext, caller: Caller):
        if request.courthouse not in caller.courthouses:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "not your courthouse")
        pubsub = self._redis.pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe(f"docket:{request.courthouse}")
        checked = time.monotonic()
        try:
            while context.is_active():
                if time.monotonic() - checked > RECHECK_S:
                    try:
                        verify(caller.raw)
                    except jwt.PyJWTError:
                        context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
                    checked = time.monotonic()
                msg = pubsub.get_message(timeout=1.0)
                if msg is None:
                    continue
                event = json.loads(msg["data"])
                threading.Thread(target=self._mirror, args=(event,), daemon=True).start()
                yield transcripts_pb2.DocketEvent(case_no=event["case_no"], room=event["room"], event=event["event"], ts=event["ts"])
        finally:
            pubsub.close()
