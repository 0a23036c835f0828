"""ObserverHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ObserverHistory:
    id: str = ""
    kind: str = ""
    revision: int = 0
    note: str = ""
    status: str = ""
    score: float = 0.0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "ObserverHistory":
        return cls(
            id=str(raw.get("id", "")),
            kind=str(raw.get("kind", "")),
            revision=int(raw.get("revision", 0)),
            note=str(raw.get("note", "")),
            status=str(raw.get("status", "")),
            score=float(raw.get("score", 0.0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.revision < 0:
            errors.append("revision must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"observer_history:{self.id}"
