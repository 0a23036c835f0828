import time
from collections import defaultdict

# Frames per minute per station identity, shared by every stream in this process
# (the network runs a single gasnet instance per observatory).
_WINDOW_S = 60
_LIMIT = 180
_frames: dict[str, list[float]] = defaultdict(list)


def allow_frame(identity: str) -> bool:
    now = time.monotonic()
    bucket = [t for t in _frames[identity] if now - t < _WINDOW_S]
    allowed = len(bucket) < _LIMIT
    if allowed:
        bucket.append(now)
    _frames[identity] = bucket
    return allowed
