"""TripHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class TripHistory:
    id: str = ""
    created_at: int = 0
    tags: list[str] = field(default_factory=list)
    label: str = ""
    site_id: str = ""
    revision: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "TripHistory":
        return cls(
            id=str(raw.get("id", "")),
            created_at=int(raw.get("created_at", 0)),
            tags=[str(x) for x in raw.get("tags", [])],
            label=str(raw.get("label", "")),
            site_id=str(raw.get("site_id", "")),
            revision=int(raw.get("revision", 0)),
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
        return f"trip_history:{self.id}"
