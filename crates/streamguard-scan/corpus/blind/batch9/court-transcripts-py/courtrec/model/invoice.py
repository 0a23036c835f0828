"""Invoice: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Invoice:
    id: str = ""
    status: str = ""
    owner: str = ""
    kind: str = ""
    updated_at: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Invoice":
        return cls(
            id=str(raw.get("id", "")),
            status=str(raw.get("status", "")),
            owner=str(raw.get("owner", "")),
            kind=str(raw.get("kind", "")),
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
        return f"invoice:{self.id}"
