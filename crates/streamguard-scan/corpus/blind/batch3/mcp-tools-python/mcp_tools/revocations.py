import logging
import os
import threading

import redis

log = logging.getLogger(__name__)

_revoked_jti: set[str] = set()
_revoked_sub: set[str] = set()
_lock = threading.Lock()


def is_revoked(jti: str, sub: str) -> bool:
    with _lock:
        return jti in _revoked_jti or sub in _revoked_sub


def _listen(url: str):
    client = redis.Redis.from_url(url)
    with _lock:
        _revoked_jti.update(m.decode() for m in client.smembers("mcp:revoked:jti"))
        _revoked_sub.update(m.decode() for m in client.smembers("mcp:revoked:sub"))
    pubsub = client.pubsub()
    pubsub.subscribe("mcp:revocations")
    for message in pubsub.listen():
        if message["type"] != "message":
            continue
        kind, _, value = message["data"].decode().partition(":")
        with _lock:
            (_revoked_jti if kind == "jti" else _revoked_sub).add(value)
        log.info("revoked %s %s", kind, value)


def start(url: str | None = None):
    url = url or os.environ.get("MCP_REDIS_URL", "redis://127.0.0.1:6379/0")
    t = threading.Thread(target=_listen, args=(url,), name="revocations", daemon=True)
    t.start()
    return t
