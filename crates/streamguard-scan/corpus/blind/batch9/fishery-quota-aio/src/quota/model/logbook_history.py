"""LogbookHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class LogbookHistory:
    id: str = ""
    updated_at: int = 0
    owner: str = ""
    status: str = ""
    label: str = ""
    kind: str = ""
    tags: list[str] = field(default_factory=list)
    score: float = 0.0
    site_id: str = ""
    revision: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "LogbookHistory":
        return cls(
            id=str(raw.get("id", "")),
            updated_at=int(raw.get("updated_at", 0)),
            owner=str(raw.get("owner", "")),
            status=str(raw.get("status", "")),
            label=str(raw.get("label", "")),
            kind=str(raw.get("kind", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            score=float(raw.get("score", 0.0)),
            site_id=str(raw.get("site_id", "")),
            revision=int(raw.get("revision", 0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"logbook_history:{self.id}"
