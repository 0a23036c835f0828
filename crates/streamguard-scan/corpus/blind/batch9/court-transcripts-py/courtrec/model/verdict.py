"""Verdict: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Verdict:
    id: str = ""
    score: float = 0.0
    owner: str = ""
    label: str = ""
    status: str = ""
    created_at: int = 0
    kind: str = ""
    updated_at: int = 0
    note: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Verdict":
        return cls(
            id=str(raw.get("id", "")),
            score=float(raw.get("score", 0.0)),
            owner=str(raw.get("owner", "")),
            label=str(raw.get("label", "")),
            status=str(raw.get("status", "")),
            created_at=int(raw.get("created_at", 0)),
            kind=str(raw.get("kind", "")),
            updated_at=int(raw.get("updated_at", 0)),
            note=str(raw.get("note", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"verdict:{self.id}"
