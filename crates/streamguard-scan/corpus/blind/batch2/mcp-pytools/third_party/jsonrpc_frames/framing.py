# Vendored from jsonrpc-frames 0.4.1 (MIT). Do not modify; update via scripts/vendor.sh.
"""Length-prefixed and newline-delimited JSON-RPC framing helpers."""

import json
import struct

HEADER = struct.Struct(">I")


class FrameError(ValueError):
    pass


def encode_lp(message: dict) -> bytes:
    body = json.dumps(message, separators=(",", ":")).encode("utf-8")
    return HEADER.pack(len(body)) + body


def decode_lp(buffer: bytes):
    """Yields complete messages from a buffer; returns the unconsumed tail via StopIteration.value."""
    offset = 0
    while len(buffer) - offset >= HEADER.size:
        (length,) = HEADER.unpack_from(buffer, offset)
        if length > 64 * 1024 * 1024:
            raise FrameError(f"frame too large: {length}")
        if len(buffer) - offset - HEADER.size < length:
            break
        start = offset + HEADER.size
        yield json.loads(buffer[start:start + length])
        offset = start + length
    return buffer[offset:]


def iter_ndjson(stream):
    for line in stream:
        line = line.strip()
        if not line:
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            raise FrameError(str(exc)) from exc


def serve_frames(request_iterator, handle):
    """Generic dispatcher: feed each request through handle() and yield what it returns."""
    for frame in request_iterator:
        for msg in iter_ndjson([frame]):
            reply = handle(msg)
            if reply is not None:
                yield json.dumps(reply)
