"""SalesNote: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SalesNote:
    id: str = ""
    revision: int = 0
    note: str = ""
    status: str = ""
    site_id: str = ""
    tags: list[str] = field(default_factory=list)
    updated_at: int = 0
    kind: str = ""
    score: float = 0.0
    created_at: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "SalesNote":
        return cls(
            id=str(raw.get("id", "")),
            revision=int(raw.get("revision", 0)),
            note=str(raw.get("note", "")),
            status=str(raw.get("status", "")),
            site_id=str(raw.get("site_id", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            updated_at=int(raw.get("updated_at", 0)),
            kind=str(raw.get("kind", "")),
            score=float(raw.get("score", 0.0)),
            created_at=int(raw.get("created_at", 0)),
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
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"sales_note:{self.id}"
