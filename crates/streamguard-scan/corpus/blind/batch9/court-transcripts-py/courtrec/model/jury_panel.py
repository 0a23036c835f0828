"""JuryPanel: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class JuryPanel:
    id: str = ""
    note: str = ""
    updated_at: int = 0
    site_id: str = ""
    status: str = ""
    label: str = ""
    tags: list[str] = field(default_factory=list)
    kind: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "JuryPanel":
        return cls(
            id=str(raw.get("id", "")),
            note=str(raw.get("note", "")),
            updated_at=int(raw.get("updated_at", 0)),
            site_id=str(raw.get("site_id", "")),
            status=str(raw.get("status", "")),
            label=str(raw.get("label", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            kind=str(raw.get("kind", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"jury_panel:{self.id}"
