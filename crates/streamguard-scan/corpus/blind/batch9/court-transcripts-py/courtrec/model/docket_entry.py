"""DocketEntry: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class DocketEntry:
    id: str = ""
    updated_at: int = 0
    owner: str = ""
    kind: str = ""
    revision: int = 0
    status: str = ""
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "DocketEntry":
        return cls(
            id=str(raw.get("id", "")),
            updated_at=int(raw.get("updated_at", 0)),
            owner=str(raw.get("owner", "")),
            kind=str(raw.get("kind", "")),
            revision=int(raw.get("revision", 0)),
            status=str(raw.get("status", "")),
            label=str(raw.get("label", "")),
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
        return f"docket_entry:{self.id}"
