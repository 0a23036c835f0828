"""DumpPoint: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class DumpPoint:
    id: str = ""
    site_id: str = ""
    revision: int = 0
    owner: str = ""
    note: str = ""
    label: str = ""
    created_at: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "DumpPoint":
        return cls(
            id=str(raw.get("id", "")),
            site_id=str(raw.get("site_id", "")),
            revision=int(raw.get("revision", 0)),
            owner=str(raw.get("owner", "")),
            note=str(raw.get("note", "")),
            label=str(raw.get("label", "")),
            created_at=int(raw.get("created_at", 0)),
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
        return f"dump_point:{self.id}"
