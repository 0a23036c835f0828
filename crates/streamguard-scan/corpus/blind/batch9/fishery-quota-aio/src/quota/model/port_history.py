"""PortHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PortHistory:
    id: str = ""
    updated_at: int = 0
    revision: int = 0
    kind: str = ""
    tags: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "PortHistory":
        return cls(
            id=str(raw.get("id", "")),
            updated_at=int(raw.get("updated_at", 0)),
            revision=int(raw.get("revision", 0)),
            kind=str(raw.get("kind", "")),
            tags=[str(x) for x in raw.get("tags", [])],
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"port_history:{self.id}"
