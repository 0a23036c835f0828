"""Port: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Port:
    id: str = ""
    owner: str = ""
    updated_at: int = 0
    tags: list[str] = field(default_factory=list)
    status: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Port":
        return cls(
            id=str(raw.get("id", "")),
            owner=str(raw.get("owner", "")),
            updated_at=int(raw.get("updated_at", 0)),
            tags=[str(x) for x in raw.get("tags", [])],
            status=str(raw.get("status", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"port:{self.id}"
