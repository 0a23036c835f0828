"""PenaltyHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PenaltyHistory:
    id: str = ""
    note: str = ""
    updated_at: int = 0
    kind: str = ""
    tags: list[str] = field(default_factory=list)
    status: str = ""
    created_at: int = 0
    label: str = ""
    site_id: str = ""
    score: float = 0.0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "PenaltyHistory":
        return cls(
            id=str(raw.get("id", "")),
            note=str(raw.get("note", "")),
            updated_at=int(raw.get("updated_at", 0)),
            kind=str(raw.get("kind", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            status=str(raw.get("status", "")),
            created_at=int(raw.get("created_at", 0)),
            label=str(raw.get("label", "")),
            site_id=str(raw.get("site_id", "")),
            score=float(raw.get("score", 0.0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"penalty_history:{self.id}"
