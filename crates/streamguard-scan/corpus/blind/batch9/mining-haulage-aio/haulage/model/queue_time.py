"""QueueTime: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class QueueTime:
    id: str = ""
    owner: str = ""
    created_at: int = 0
    note: str = ""
    revision: int = 0
    kind: str = ""
    label: str = ""
    site_id: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "QueueTime":
        return cls(
            id=str(raw.get("id", "")),
            owner=str(raw.get("owner", "")),
            created_at=int(raw.get("created_at", 0)),
            note=str(raw.get("note", "")),
            revision=int(raw.get("revision", 0)),
            kind=str(raw.get("kind", "")),
            label=str(raw.get("label", "")),
            site_id=str(raw.get("site_id", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"queue_time:{self.id}"
