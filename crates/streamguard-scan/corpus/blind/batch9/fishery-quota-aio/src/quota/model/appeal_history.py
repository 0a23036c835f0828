"""AppealHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class AppealHistory:
    id: str = ""
    tags: list[str] = field(default_factory=list)
    owner: str = ""
    kind: str = ""
    note: str = ""
    updated_at: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "AppealHistory":
        return cls(
            id=str(raw.get("id", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            owner=str(raw.get("owner", "")),
            kind=str(raw.get("kind", "")),
            note=str(raw.get("note", "")),
            updated_at=int(raw.get("updated_at", 0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"appeal_history:{self.id}"
