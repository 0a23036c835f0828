"""Licence: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Licence:
    id: str = ""
    site_id: str = ""
    created_at: int = 0
    score: float = 0.0
    status: str = ""
    tags: list[str] = field(default_factory=list)
    updated_at: int = 0
    label: str = ""
    revision: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Licence":
        return cls(
            id=str(raw.get("id", "")),
            site_id=str(raw.get("site_id", "")),
            created_at=int(raw.get("created_at", 0)),
            score=float(raw.get("score", 0.0)),
            status=str(raw.get("status", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            updated_at=int(raw.get("updated_at", 0)),
            label=str(raw.get("label", "")),
            revision=int(raw.get("revision", 0)),
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
        return f"licence:{self.id}"
