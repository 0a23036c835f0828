"""SpeedZone: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SpeedZone:
    id: str = ""
    tags: list[str] = field(default_factory=list)
    site_id: str = ""
    score: float = 0.0
    created_at: int = 0
    revision: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "SpeedZone":
        return cls(
            id=str(raw.get("id", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            site_id=str(raw.get("site_id", "")),
            score=float(raw.get("score", 0.0)),
            created_at=int(raw.get("created_at", 0)),
            revision=int(raw.get("revision", 0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"speed_zone:{self.id}"
