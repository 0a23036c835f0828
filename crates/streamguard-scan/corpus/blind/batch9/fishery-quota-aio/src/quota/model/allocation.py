"""Allocation: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Allocation:
    id: str = ""
    tags: list[str] = field(default_factory=list)
    score: float = 0.0
    kind: str = ""
    status: str = ""
    note: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Allocation":
        return cls(
            id=str(raw.get("id", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            score=float(raw.get("score", 0.0)),
            kind=str(raw.get("kind", "")),
            status=str(raw.get("status", "")),
            note=str(raw.get("note", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"allocation:{self.id}"
