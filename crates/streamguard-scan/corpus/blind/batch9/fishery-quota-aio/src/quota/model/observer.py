"""Observer: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Observer:
    id: str = ""
    tags: list[str] = field(default_factory=list)
    status: str = ""
    score: float = 0.0
    kind: str = ""
    updated_at: int = 0
    note: str = ""
    label: str = ""
    created_at: int = 0
    owner: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Observer":
        return cls(
            id=str(raw.get("id", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            status=str(raw.get("status", "")),
            score=float(raw.get("score", 0.0)),
            kind=str(raw.get("kind", "")),
            updated_at=int(raw.get("updated_at", 0)),
            note=str(raw.get("note", "")),
            label=str(raw.get("label", "")),
            created_at=int(raw.get("created_at", 0)),
            owner=str(raw.get("owner", "")),
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
        return f"observer:{self.id}"
