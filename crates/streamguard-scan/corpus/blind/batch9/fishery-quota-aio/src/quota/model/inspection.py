"""Inspection: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Inspection:
    id: str = ""
    site_id: str = ""
    status: str = ""
    note: str = ""
    revision: int = 0
    created_at: int = 0
    updated_at: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Inspection":
        return cls(
            id=str(raw.get("id", "")),
            site_id=str(raw.get("site_id", "")),
            status=str(raw.get("status", "")),
            note=str(raw.get("note", "")),
            revision=int(raw.get("revision", 0)),
            created_at=int(raw.get("created_at", 0)),
            updated_at=int(raw.get("updated_at", 0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.revision < 0:
            errors.append("revision must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"inspection:{self.id}"
