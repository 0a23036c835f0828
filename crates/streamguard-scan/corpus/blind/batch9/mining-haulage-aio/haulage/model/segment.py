"""Segment: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Segment:
    id: str = ""
    site_id: str = ""
    label: str = ""
    note: str = ""
    updated_at: int = 0
    kind: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Segment":
        return cls(
            id=str(raw.get("id", "")),
            site_id=str(raw.get("site_id", "")),
            label=str(raw.get("label", "")),
            note=str(raw.get("note", "")),
            updated_at=int(raw.get("updated_at", 0)),
            kind=str(raw.get("kind", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"segment:{self.id}"
