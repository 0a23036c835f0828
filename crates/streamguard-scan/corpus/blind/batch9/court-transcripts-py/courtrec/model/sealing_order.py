"""SealingOrder: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SealingOrder:
    id: str = ""
    note: str = ""
    created_at: int = 0
    site_id: str = ""
    tags: list[str] = field(default_factory=list)
    kind: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "SealingOrder":
        return cls(
            id=str(raw.get("id", "")),
            note=str(raw.get("note", "")),
            created_at=int(raw.get("created_at", 0)),
            site_id=str(raw.get("site_id", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            kind=str(raw.get("kind", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"sealing_order:{self.id}"
