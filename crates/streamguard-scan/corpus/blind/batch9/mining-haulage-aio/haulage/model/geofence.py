"""Geofence: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Geofence:
    id: str = ""
    status: str = ""
    kind: str = ""
    created_at: int = 0
    owner: str = ""
    label: str = ""
    note: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Geofence":
        return cls(
            id=str(raw.get("id", "")),
            status=str(raw.get("status", "")),
            kind=str(raw.get("kind", "")),
            created_at=int(raw.get("created_at", 0)),
            owner=str(raw.get("owner", "")),
            label=str(raw.get("label", "")),
            note=str(raw.get("note", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"geofence:{self.id}"
