"""Operator: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Operator:
    id: str = ""
    score: float = 0.0
    revision: int = 0
    owner: str = ""
    status: str = ""
    tags: list[str] = field(default_factory=list)
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Operator":
        return cls(
            id=str(raw.get("id", "")),
            score=float(raw.get("score", 0.0)),
            revision=int(raw.get("revision", 0)),
            owner=str(raw.get("owner", "")),
            status=str(raw.get("status", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            label=str(raw.get("label", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"operator:{self.id}"
