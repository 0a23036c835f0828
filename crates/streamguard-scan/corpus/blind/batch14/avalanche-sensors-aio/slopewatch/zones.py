"""Zone and exploder registry (loaded from the patrol's GIS export at start)."""
import json
import os

_PATH = os.environ.get("SLOPEWATCH_ZONES", "/etc/slopewatch/zones.json")

with open(_PATH) as fh:
    _ZONES = json.load(fh)

EXPLODER_ZONE = {e: z for z, spec in _ZONES.items() for e in spec["exploders"]}


def zone(zone_id: str) -> dict | None:
    return _ZONES.get(zone_id)


def zone_of_exploder(exploder_id: str) -> str | None:
    return EXPLODER_ZONE.get(exploder_id)
