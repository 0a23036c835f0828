"""Errata: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Errata:
    id: str = ""
    site_id: str = ""
    note: str = ""
    status: str = ""
    owner: str = ""
    score: float = 0.0
    created_at: int = 0
    kind: str = ""
    tags: list[str] = field(default_factory=list)
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Errata":
        return cls(
            id=str(raw.get("id", "")),
            site_id=str(raw.get("site_id", "")),
            note=str(raw.get("note", "")),
            status=str(raw.get("status", "")),
            owner=str(raw.get("owner", "")),
            score=float(raw.get("score", 0.0)),
            created_at=int(raw.get("created_at", 0)),
            kind=str(raw.get("kind", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            label=str(raw.get("label", "")),
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
        return f"errata:{self.id}"
