"""Case: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Case:
    id: str = ""
    site_id: str = ""
    note: str = ""
    created_at: int = 0
    status: str = ""
    score: float = 0.0
    updated_at: int = 0
    revision: int = 0
    kind: str = ""
    owner: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Case":
        return cls(
            id=str(raw.get("id", "")),
            site_id=str(raw.get("site_id", "")),
            note=str(raw.get("note", "")),
            created_at=int(raw.get("created_at", 0)),
            status=str(raw.get("status", "")),
            score=float(raw.get("score", 0.0)),
            updated_at=int(raw.get("updated_at", 0)),
            revision=int(raw.get("revision", 0)),
            kind=str(raw.get("kind", "")),
            owner=str(raw.get("owner", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"case:{self.id}"
