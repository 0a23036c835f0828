"""Bycatch: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Bycatch:
    id: str = ""
    tags: list[str] = field(default_factory=list)
    created_at: int = 0
    updated_at: int = 0
    score: float = 0.0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Bycatch":
        return cls(
            id=str(raw.get("id", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            created_at=int(raw.get("created_at", 0)),
            updated_at=int(raw.get("updated_at", 0)),
            score=float(raw.get("score", 0.0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"bycatch:{self.id}"
