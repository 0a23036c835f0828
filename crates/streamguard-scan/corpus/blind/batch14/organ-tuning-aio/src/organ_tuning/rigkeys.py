"""API keys of the tuning rigs, one per rig, issued by the workshop office."""
import hashlib
import hmac
import json

from . import config

with open(config.RIG_KEYS_FILE) as fh:
    _KEYS = {entry["rig_id"]: bytes.fromhex(entry["sha256"]) for entry in json.load(fh)["rigs"]}


def rig_for_key(presented: str) -> str | None:
    digest = hashlib.sha256(presented.encode()).digest()
    for rig_id, want in _KEYS.items():
        if hmac.compare_digest(digest, want):
            return rig_id
    return None
