"""TacHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class TacHistory:
    id: str = ""
    updated_at: int = 0
    revision: int = 0
    kind: str = ""
    owner: str = ""
    status: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "TacHistory":
        return cls(
            id=str(raw.get("id", "")),
            updated_at=int(raw.get("updated_at", 0)),
            revision=int(raw.get("revision", 0)),
            kind=str(raw.get("kind", "")),
            owner=str(raw.get("owner", "")),
            status=str(raw.get("status", "")),
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
        return f"tac_history:{self.id}"
