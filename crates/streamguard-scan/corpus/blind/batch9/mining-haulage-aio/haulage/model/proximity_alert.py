"""ProximityAlert: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ProximityAlert:
    id: str = ""
    created_at: int = 0
    tags: list[str] = field(default_factory=list)
    updated_at: int = 0
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "ProximityAlert":
        return cls(
            id=str(raw.get("id", "")),
            created_at=int(raw.get("created_at", 0)),
            tags=[str(x) for x in raw.get("tags", [])],
            updated_at=int(raw.get("updated_at", 0)),
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
        return f"proximity_alert:{self.id}"
