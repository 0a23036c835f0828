"""Continuance: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Continuance:
    id: str = ""
    label: str = ""
    tags: list[str] = field(default_factory=list)
    kind: str = ""
    status: str = ""
    revision: int = 0
    created_at: int = 0
    owner: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Continuance":
        return cls(
            id=str(raw.get("id", "")),
            label=str(raw.get("label", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            kind=str(raw.get("kind", "")),
            status=str(raw.get("status", "")),
            revision=int(raw.get("revision", 0)),
            created_at=int(raw.get("created_at", 0)),
            owner=str(raw.get("owner", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.revision < 0:
            errors.append("revision must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"continuance:{self.id}"
