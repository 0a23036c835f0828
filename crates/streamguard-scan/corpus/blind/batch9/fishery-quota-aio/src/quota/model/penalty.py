"""Penalty: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Penalty:
    id: str = ""
    status: str = ""
    created_at: int = 0
    kind: str = ""
    updated_at: int = 0
    site_id: str = ""
    tags: list[str] = field(default_factory=list)
    revision: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Penalty":
        return cls(
            id=str(raw.get("id", "")),
            status=str(raw.get("status", "")),
            created_at=int(raw.get("created_at", 0)),
            kind=str(raw.get("kind", "")),
            updated_at=int(raw.get("updated_at", 0)),
            site_id=str(raw.get("site_id", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            revision=int(raw.get("revision", 0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"penalty:{self.id}"
