"""Cycle: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Cycle:
    id: str = ""
    kind: str = ""
    score: float = 0.0
    owner: str = ""
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Cycle":
        return cls(
            id=str(raw.get("id", "")),
            kind=str(raw.get("kind", "")),
            score=float(raw.get("score", 0.0)),
            owner=str(raw.get("owner", "")),
            label=str(raw.get("label", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"cycle:{self.id}"
