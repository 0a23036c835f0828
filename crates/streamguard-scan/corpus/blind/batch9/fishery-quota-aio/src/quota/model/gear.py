"""Gear: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Gear:
    id: str = ""
    owner: str = ""
    score: float = 0.0
    created_at: int = 0
    note: str = ""
    status: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Gear":
        return cls(
            id=str(raw.get("id", "")),
            owner=str(raw.get("owner", "")),
            score=float(raw.get("score", 0.0)),
            created_at=int(raw.get("created_at", 0)),
            note=str(raw.get("note", "")),
            status=str(raw.get("status", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"gear:{self.id}"
