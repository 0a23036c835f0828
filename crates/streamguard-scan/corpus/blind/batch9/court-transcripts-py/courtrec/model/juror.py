"""Juror: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Juror:
    id: str = ""
    owner: str = ""
    site_id: str = ""
    updated_at: int = 0
    kind: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Juror":
        return cls(
            id=str(raw.get("id", "")),
            owner=str(raw.get("owner", "")),
            site_id=str(raw.get("site_id", "")),
            updated_at=int(raw.get("updated_at", 0)),
            kind=str(raw.get("kind", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            note=str(raw.get("note", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"juror:{self.id}"
