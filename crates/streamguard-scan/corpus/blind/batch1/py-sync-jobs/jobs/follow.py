from __future__ import annotations

import os
import time
from typing import Callable, Iterator


def follow(path: str, should_stop: Callable[[], bool], poll: float = 0.5) -> Iterator[str]:
    """Yield lines appended to ``path`` until ``should_stop()`` returns True."""
    with open(path, "r", errors="replace") as f:
        f.seek(0, os.SEEK_END)
        buf = ""
        while not should_stop():
            chunk = f.readline()
            if not chunk:
                time.sleep(poll)
                continue
            buf += chunk
            if buf.endswith("\n"):
                yield buf.rstrip("\n")
                buf = ""
