"""LicenceHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class LicenceHistory:
    id: str = ""
    revision: int = 0
    created_at: int = 0
    kind: str = ""
    score: float = 0.0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "LicenceHistory":
        return cls(
            id=str(raw.get("id", "")),
            revision=int(raw.get("revision", 0)),
            created_at=int(raw.get("created_at", 0)),
            kind=str(raw.get("kind", "")),
            score=float(raw.get("score", 0.0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.revision < 0:
            errors.append("revision must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"licence_history:{self.id}"
