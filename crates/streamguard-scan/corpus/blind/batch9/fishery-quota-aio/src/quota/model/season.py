"""Season: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Season:
    id: str = ""
    revision: int = 0
    created_at: int = 0
    status: str = ""
    tags: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Season":
        return cls(
            id=str(raw.get("id", "")),
            revision=int(raw.get("revision", 0)),
            created_at=int(raw.get("created_at", 0)),
            status=str(raw.get("status", "")),
            tags=[str(x) for x in raw.get("tags", [])],
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
        return f"season:{self.id}"
