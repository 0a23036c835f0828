"""Load: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Load:
    id: str = ""
    kind: str = ""
    tags: list[str] = field(default_factory=list)
    score: float = 0.0
    label: str = ""
    updated_at: int = 0
    note: str = ""
    created_at: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Load":
        return cls(
            id=str(raw.get("id", "")),
            kind=str(raw.get("kind", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            score=float(raw.get("score", 0.0)),
            label=str(raw.get("label", "")),
            updated_at=int(raw.get("updated_at", 0)),
            note=str(raw.get("note", "")),
            created_at=int(raw.get("created_at", 0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"load:{self.id}"
