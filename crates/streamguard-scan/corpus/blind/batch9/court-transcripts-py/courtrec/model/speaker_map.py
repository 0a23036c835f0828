"""SpeakerMap: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SpeakerMap:
    id: str = ""
    status: str = ""
    tags: list[str] = field(default_factory=list)
    label: str = ""
    note: str = ""
    kind: str = ""
    updated_at: int = 0
    created_at: int = 0
    owner: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "SpeakerMap":
        return cls(
            id=str(raw.get("id", "")),
            status=str(raw.get("status", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            label=str(raw.get("label", "")),
            note=str(raw.get("note", "")),
            kind=str(raw.get("kind", "")),
            updated_at=int(raw.get("updated_at", 0)),
            created_at=int(raw.get("created_at", 0)),
            owner=str(raw.get("owner", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"speaker_map:{self.id}"
