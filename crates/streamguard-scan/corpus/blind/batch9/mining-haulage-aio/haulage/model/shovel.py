"""Shovel: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Shovel:
    id: str = ""
    site_id: str = ""
    revision: int = 0
    tags: list[str] = field(default_factory=list)
    label: str = ""
    owner: str = ""
    score: float = 0.0
    kind: str = ""
    note: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Shovel":
        return cls(
            id=str(raw.get("id", "")),
            site_id=str(raw.get("site_id", "")),
            revision=int(raw.get("revision", 0)),
            tags=[str(x) for x in raw.get("tags", [])],
            label=str(raw.get("label", "")),
            owner=str(raw.get("owner", "")),
            score=float(raw.get("score", 0.0)),
            kind=str(raw.get("kind", "")),
            note=str(raw.get("note", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.revision < 0:
            errors.append("revision must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"shovel:{self.id}"
