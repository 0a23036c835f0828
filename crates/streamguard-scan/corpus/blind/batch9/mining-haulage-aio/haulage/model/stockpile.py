"""Stockpile: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Stockpile:
    id: str = ""
    label: str = ""
    note: str = ""
    owner: str = ""
    updated_at: int = 0
    site_id: str = ""
    tags: list[str] = field(default_factory=list)
    score: float = 0.0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Stockpile":
        return cls(
            id=str(raw.get("id", "")),
            label=str(raw.get("label", "")),
            note=str(raw.get("note", "")),
            owner=str(raw.get("owner", "")),
            updated_at=int(raw.get("updated_at", 0)),
            site_id=str(raw.get("site_id", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            score=float(raw.get("score", 0.0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"stockpile:{self.id}"
