"""AppealNotice: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class AppealNotice:
    id: str = ""
    site_id: str = ""
    updated_at: int = 0
    score: float = 0.0
    status: str = ""
    kind: str = ""
    note: str = ""
    created_at: int = 0
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "AppealNotice":
        return cls(
            id=str(raw.get("id", "")),
            site_id=str(raw.get("site_id", "")),
            updated_at=int(raw.get("updated_at", 0)),
            score=float(raw.get("score", 0.0)),
            status=str(raw.get("status", "")),
            kind=str(raw.get("kind", "")),
            note=str(raw.get("note", "")),
            created_at=int(raw.get("created_at", 0)),
            label=str(raw.get("label", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"appeal_notice:{self.id}"
