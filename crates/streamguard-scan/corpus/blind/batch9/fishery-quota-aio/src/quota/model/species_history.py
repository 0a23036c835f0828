"""SpeciesHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SpeciesHistory:
    id: str = ""
    created_at: int = 0
    updated_at: int = 0
    site_id: str = ""
    note: str = ""
    tags: list[str] = field(default_factory=list)
    kind: str = ""
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "SpeciesHistory":
        return cls(
            id=str(raw.get("id", "")),
            created_at=int(raw.get("created_at", 0)),
            updated_at=int(raw.get("updated_at", 0)),
            site_id=str(raw.get("site_id", "")),
            note=str(raw.get("note", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            kind=str(raw.get("kind", "")),
            label=str(raw.get("label", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"species_history:{self.id}"
