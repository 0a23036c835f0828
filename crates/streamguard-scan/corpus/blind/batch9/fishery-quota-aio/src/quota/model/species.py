"""Species: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Species:
    id: str = ""
    revision: int = 0
    kind: str = ""
    created_at: int = 0
    tags: list[str] = field(default_factory=list)
    site_id: str = ""
    note: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Species":
        return cls(
            id=str(raw.get("id", "")),
            revision=int(raw.get("revision", 0)),
            kind=str(raw.get("kind", "")),
            created_at=int(raw.get("created_at", 0)),
            tags=[str(x) for x in raw.get("tags", [])],
            site_id=str(raw.get("site_id", "")),
            note=str(raw.get("note", "")),
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
        return f"species:{self.id}"
