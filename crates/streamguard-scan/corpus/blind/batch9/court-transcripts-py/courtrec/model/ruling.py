"""Ruling: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Ruling:
    id: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = ""
    site_id: str = ""
    owner: str = ""
    status: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Ruling":
        return cls(
            id=str(raw.get("id", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            note=str(raw.get("note", "")),
            site_id=str(raw.get("site_id", "")),
            owner=str(raw.get("owner", "")),
            status=str(raw.get("status", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        return errors

    def key(self) -> str:
        return f"ruling:{self.id}"
