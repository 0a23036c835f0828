"""SurveyPoint: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SurveyPoint:
    id: str = ""
    owner: str = ""
    updated_at: int = 0
    note: str = ""
    created_at: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "SurveyPoint":
        return cls(
            id=str(raw.get("id", "")),
            owner=str(raw.get("owner", "")),
            updated_at=int(raw.get("updated_at", 0)),
            note=str(raw.get("note", "")),
            created_at=int(raw.get("created_at", 0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"survey_point:{self.id}"
