"""Judge: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Judge:
    id: str = ""
    owner: str = ""
    kind: str = ""
    site_id: str = ""
    label: str = ""
    status: str = ""
    tags: list[str] = field(default_factory=list)
    score: float = 0.0
    created_at: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Judge":
        return cls(
            id=str(raw.get("id", "")),
            owner=str(raw.get("owner", "")),
            kind=str(raw.get("kind", "")),
            site_id=str(raw.get("site_id", "")),
            label=str(raw.get("label", "")),
            status=str(raw.get("status", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            score=float(raw.get("score", 0.0)),
            created_at=int(raw.get("created_at", 0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"judge:{self.id}"
