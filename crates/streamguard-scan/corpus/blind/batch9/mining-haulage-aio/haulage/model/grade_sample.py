"""GradeSample: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class GradeSample:
    id: str = ""
    score: float = 0.0
    label: str = ""
    note: str = ""
    owner: str = ""
    kind: str = ""
    created_at: int = 0
    updated_at: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "GradeSample":
        return cls(
            id=str(raw.get("id", "")),
            score=float(raw.get("score", 0.0)),
            label=str(raw.get("label", "")),
            note=str(raw.get("note", "")),
            owner=str(raw.get("owner", "")),
            kind=str(raw.get("kind", "")),
            created_at=int(raw.get("created_at", 0)),
            updated_at=int(raw.get("updated_at", 0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"grade_sample:{self.id}"
