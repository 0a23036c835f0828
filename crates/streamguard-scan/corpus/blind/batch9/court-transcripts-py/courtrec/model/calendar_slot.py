"""CalendarSlot: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class CalendarSlot:
    id: str = ""
    owner: str = ""
    updated_at: int = 0
    score: float = 0.0
    label: str = ""
    created_at: int = 0
    note: str = ""
    tags: list[str] = field(default_factory=list)
    kind: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "CalendarSlot":
        return cls(
            id=str(raw.get("id", "")),
            owner=str(raw.get("owner", "")),
            updated_at=int(raw.get("updated_at", 0)),
            score=float(raw.get("score", 0.0)),
            label=str(raw.get("label", "")),
            created_at=int(raw.get("created_at", 0)),
            note=str(raw.get("note", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            kind=str(raw.get("kind", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"calendar_slot:{self.id}"
