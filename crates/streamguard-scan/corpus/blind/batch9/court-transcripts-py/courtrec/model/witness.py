"""Witness: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Witness:
    id: str = ""
    revision: int = 0
    owner: str = ""
    tags: list[str] = field(default_factory=list)
    updated_at: int = 0
    kind: str = ""
    site_id: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Witness":
        return cls(
            id=str(raw.get("id", "")),
            revision=int(raw.get("revision", 0)),
            owner=str(raw.get("owner", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            updated_at=int(raw.get("updated_at", 0)),
            kind=str(raw.get("kind", "")),
            site_id=str(raw.get("site_id", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.revision < 0:
            errors.append("revision must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"witness:{self.id}"
