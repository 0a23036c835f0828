"""ClosureHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ClosureHistory:
    id: str = ""
    revision: int = 0
    tags: list[str] = field(default_factory=list)
    note: str = ""
    label: str = ""
    site_id: str = ""
    kind: str = ""
    updated_at: int = 0
    score: float = 0.0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "ClosureHistory":
        return cls(
            id=str(raw.get("id", "")),
            revision=int(raw.get("revision", 0)),
            tags=[str(x) for x in raw.get("tags", [])],
            note=str(raw.get("note", "")),
            label=str(raw.get("label", "")),
            site_id=str(raw.get("site_id", "")),
            kind=str(raw.get("kind", "")),
            updated_at=int(raw.get("updated_at", 0)),
            score=float(raw.get("score", 0.0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.revision < 0:
            errors.append("revision must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"closure_history:{self.id}"
