"""Courtroom: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Courtroom:
    id: str = ""
    owner: str = ""
    created_at: int = 0
    kind: str = ""
    note: str = ""
    status: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Courtroom":
        return cls(
            id=str(raw.get("id", "")),
            owner=str(raw.get("owner", "")),
            created_at=int(raw.get("created_at", 0)),
            kind=str(raw.get("kind", "")),
            note=str(raw.get("note", "")),
            status=str(raw.get("status", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        return errors

    def key(self) -> str:
        return f"courtroom:{self.id}"
