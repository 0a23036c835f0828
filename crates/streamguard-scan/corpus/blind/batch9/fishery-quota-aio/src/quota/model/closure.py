"""Closure: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Closure:
    id: str = ""
    owner: str = ""
    score: float = 0.0
    status: str = ""
    revision: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Closure":
        return cls(
            id=str(raw.get("id", "")),
            owner=str(raw.get("owner", "")),
            score=float(raw.get("score", 0.0)),
            status=str(raw.get("status", "")),
            revision=int(raw.get("revision", 0)),
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
        return f"closure:{self.id}"
