"""Shift: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Shift:
    id: str = ""
    label: str = ""
    created_at: int = 0
    note: str = ""
    updated_at: int = 0
    kind: str = ""
    site_id: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Shift":
        return cls(
            id=str(raw.get("id", "")),
            label=str(raw.get("label", "")),
            created_at=int(raw.get("created_at", 0)),
            note=str(raw.get("note", "")),
            updated_at=int(raw.get("updated_at", 0)),
            kind=str(raw.get("kind", "")),
            site_id=str(raw.get("site_id", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"shift:{self.id}"
