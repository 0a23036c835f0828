import hashlib
import os
from pathlib import Path

ROOT = Path(os.environ.get("MCP_RESOURCE_ROOT", "/srv/mcp/resources"))


class ResourceError(Exception):
    pass


def _path(uri: str) -> Path:
    if not uri.startswith("file:///"):
        raise ResourceError(f"unsupported uri {uri}")
    p = (ROOT / uri[len("file:///"):]).resolve()
    if ROOT.resolve() not in p.parents:
        raise ResourceError("path escapes resource root")
    return p


def owner_of(uri: str) -> str:
    parts = uri[len("file:///"):].split("/", 2)
    return parts[1] if len(parts) > 1 and parts[0] == "users" else ""


def read(uri: str) -> str:
    try:
        return _path(uri).read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(str(exc)) from exc


def fingerprint(uri: str) -> str:
    p = _path(uri)
    st = p.stat()
    return hashlib.sha1(f"{st.st_mtime_ns}:{st.st_size}".encode()).hexdigest()
