"""FatigueEvent: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FatigueEvent:
    id: str = ""
    kind: str = ""
    created_at: int = 0
    revision: int = 0
    label: str = ""
    tags: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "FatigueEvent":
        return cls(
            id=str(raw.get("id", "")),
            kind=str(raw.get("kind", "")),
            created_at=int(raw.get("created_at", 0)),
            revision=int(raw.get("revision", 0)),
            label=str(raw.get("label", "")),
            tags=[str(x) for x in raw.get("tags", [])],
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"fatigue_event:{self.id}"
