"""Vessel: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Vessel:
    id: str = ""
    updated_at: int = 0
    note: str = ""
    owner: str = ""
    tags: list[str] = field(default_factory=list)
    created_at: int = 0
    site_id: str = ""
    kind: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Vessel":
        return cls(
            id=str(raw.get("id", "")),
            updated_at=int(raw.get("updated_at", 0)),
            note=str(raw.get("note", "")),
            owner=str(raw.get("owner", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            created_at=int(raw.get("created_at", 0)),
            site_id=str(raw.get("site_id", "")),
            kind=str(raw.get("kind", "")),
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
        return f"vessel:{self.id}"
