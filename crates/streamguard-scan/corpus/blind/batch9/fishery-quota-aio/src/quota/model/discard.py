"""Discard: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Discard:
    id: str = ""
    label: str = ""
    site_id: str = ""
    score: float = 0.0
    updated_at: int = 0
    tags: list[str] = field(default_factory=list)
    revision: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Discard":
        return cls(
            id=str(raw.get("id", "")),
            label=str(raw.get("label", "")),
            site_id=str(raw.get("site_id", "")),
            score=float(raw.get("score", 0.0)),
            updated_at=int(raw.get("updated_at", 0)),
            tags=[str(x) for x in raw.get("tags", [])],
            revision=int(raw.get("revision", 0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"discard:{self.id}"
