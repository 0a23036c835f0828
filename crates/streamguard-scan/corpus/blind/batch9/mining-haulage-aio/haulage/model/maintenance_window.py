"""MaintenanceWindow: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class MaintenanceWindow:
    id: str = ""
    created_at: int = 0
    kind: str = ""
    score: float = 0.0
    revision: int = 0
    status: str = ""
    owner: str = ""
    tags: list[str] = field(default_factory=list)
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "MaintenanceWindow":
        return cls(
            id=str(raw.get("id", "")),
            created_at=int(raw.get("created_at", 0)),
            kind=str(raw.get("kind", "")),
            score=float(raw.get("score", 0.0)),
            revision=int(raw.get("revision", 0)),
            status=str(raw.get("status", "")),
            owner=str(raw.get("owner", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            label=str(raw.get("label", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"maintenance_window:{self.id}"
