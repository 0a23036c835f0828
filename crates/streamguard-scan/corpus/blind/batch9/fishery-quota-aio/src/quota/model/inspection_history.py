"""InspectionHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class InspectionHistory:
    id: str = ""
    score: float = 0.0
    owner: str = ""
    site_id: str = ""
    note: str = ""
    kind: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "InspectionHistory":
        return cls(
            id=str(raw.get("id", "")),
            score=float(raw.get("score", 0.0)),
            owner=str(raw.get("owner", "")),
            site_id=str(raw.get("site_id", "")),
            note=str(raw.get("note", "")),
            kind=str(raw.get("kind", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"inspection_history:{self.id}"
