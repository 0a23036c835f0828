"""OreBlock: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class OreBlock:
    id: str = ""
    kind: str = ""
    tags: list[str] = field(default_factory=list)
    score: float = 0.0
    note: str = ""
    label: str = ""
    owner: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "OreBlock":
        return cls(
            id=str(raw.get("id", "")),
            kind=str(raw.get("kind", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            score=float(raw.get("score", 0.0)),
            note=str(raw.get("note", "")),
            label=str(raw.get("label", "")),
            owner=str(raw.get("owner", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"ore_block:{self.id}"
