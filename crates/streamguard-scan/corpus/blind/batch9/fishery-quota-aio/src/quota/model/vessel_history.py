"""VesselHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class VesselHistory:
    id: str = ""
    kind: str = ""
    revision: int = 0
    tags: list[str] = field(default_factory=list)
    status: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "VesselHistory":
        return cls(
            id=str(raw.get("id", "")),
            kind=str(raw.get("kind", "")),
            revision=int(raw.get("revision", 0)),
            tags=[str(x) for x in raw.get("tags", [])],
            status=str(raw.get("status", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"vessel_history:{self.id}"
