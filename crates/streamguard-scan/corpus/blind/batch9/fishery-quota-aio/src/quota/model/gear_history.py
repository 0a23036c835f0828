"""GearHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class GearHistory:
    id: str = ""
    score: float = 0.0
    revision: int = 0
    note: str = ""
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "GearHistory":
        return cls(
            id=str(raw.get("id", "")),
            score=float(raw.get("score", 0.0)),
            revision=int(raw.get("revision", 0)),
            note=str(raw.get("note", "")),
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
        return f"gear_history:{self.id}"
