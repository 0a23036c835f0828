"""CatchArea: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class CatchArea:
    id: str = ""
    score: float = 0.0
    revision: int = 0
    tags: list[str] = field(default_factory=list)
    owner: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "CatchArea":
        return cls(
            id=str(raw.get("id", "")),
            score=float(raw.get("score", 0.0)),
            revision=int(raw.get("revision", 0)),
            tags=[str(x) for x in raw.get("tags", [])],
            owner=str(raw.get("owner", "")),
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
        return f"catch_area:{self.id}"
