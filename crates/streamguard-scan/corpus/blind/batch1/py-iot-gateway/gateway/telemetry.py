from __future__ import annotations

import hashlib
import logging
import os
import queue
import sqlite3
import threading
import time
from collections import defaultdict

import grpc

from gateway import auth, device_pb2, device_pb2_grpc
from gateway.ratelimit import TokenBucket

log = logging.getLogger(__name__)

FIRMWARE_DIR = os.environ.get("FIRMWARE_DIR", "/srv/firmware")
MAX_COMMAND_SESSION_S = 15 * 60
READINGS_PER_SECOND = 50


class CommandQueues:
    def __init__(self) -> None:
        self._queues: dict[str, queue.Queue] = defaultdict(queue.Queue)
        self._lock = threading.Lock()

    def for_device(self, device_id: str) -> queue.Queue:
        with self._lock:
            return self._queues[device_id]


class TelemetryService(device_pb2_grpc.TelemetryServicer):
    def __init__(self, db_path: str, commands: CommandQueues, revocations: auth.RevocationCache) -> None:
        self._db = sqlite3.connect(db_path, check_same_thread=False)
        self._db_lock = threading.Lock()
        self._commands = commands
        self._revocations = revocations

    def _store(self, rows: list[tuple]) -> None:
        with self._db_lock:
            self._db.executemany("INSERT INTO readings(device_id, metric, value, ts_ms) VALUES (?,?,?,?)", rows)
            self._db.commit()

    def StreamReadings(self, request_iterator, context):
        device = auth.require_device(context)
        bucket = TokenBucket(rate=READINGS_PER_SECOND, burst=2 * READINGS_PER_SECOND)
        checked = False
        pending: list[tuple] = []
        accepted = 0
        for reading in request_iterator:
            if not checked:
                if reading.device_id != device.id and reading.device_id not in device.children:
                    context.abort(grpc.StatusCode.PERMISSION_DENIED, "reading for a foreign device")
                checked = True
            if not bucket.consume():
                context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "too many readings")
            pending.append((reading.device_id, reading.metric, reading.value, reading.ts_ms))
            if len(pending) >= 500:
                self._store(pending)
                accepted += len(pending)
                pending.clear()
        if pending:
            self._store(pending)
            accepted += len(pending)
        return device_pb2.UploadAck(accepted=accepted)

    def Commands(self, request, context):
        device = auth.require_device(context)
        if request.device_id != device.id:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "commands for a foreign device")
        opened = time.monotonic()
        q = self._commands.for_device(device.id)
        while context.is_active():
            if time.time() >= device.exp:
                context.abort(grpc.StatusCode.UNAUTHENTICATED, "token_expired")
            if self._revocations.is_revoked(device.jti):
                context.abort(grpc.StatusCode.PERMISSION_DENIED, "token_revoked")
            if time.monotonic() - opened > MAX_COMMAND_SESSION_S:
                context.abort(grpc.StatusCode.UNAVAILABLE, "max_stream_lifetime")
            try:
                cmd = q.get(timeout=1.0)
            except queue.Empty:
                continue
            yield device_pb2.Command(id=cmd["id"], kind=cmd["kind"], payload=cmd["payload"])

    def Firmware(self, request, context):
        device = auth.require_device(context)
        if request.device_id != device.id:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "firmware for a foreign device")
        path = os.path.join(FIRMWARE_DIR, os.path.basename(request.version) + ".bin")
        if not os.path.exists(path):
            context.abort(grpc.StatusCode.NOT_FOUND, "no such firmware")
        digest = hashlib.sha256()
        offset = 0
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(64 * 1024), b""):
                digest.update(chunk)
                yield device_pb2.FirmwareChunk(offset=offset, data=chunk)
                offset += len(chunk)
        yield device_pb2.FirmwareChunk(offset=offset, sha256=digest.hexdigest())
