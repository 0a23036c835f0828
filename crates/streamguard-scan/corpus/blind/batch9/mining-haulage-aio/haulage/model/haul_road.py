"""HaulRoad: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class HaulRoad:
    id: str = ""
    score: float = 0.0
    kind: str = ""
    owner: str = ""
    site_id: str = ""
    created_at: int = 0
    note: str = ""
    status: str = ""
    tags: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "HaulRoad":
        return cls(
            id=str(raw.get("id", "")),
            score=float(raw.get("score", 0.0)),
            kind=str(raw.get("kind", "")),
            owner=str(raw.get("owner", "")),
            site_id=str(raw.get("site_id", "")),
            created_at=int(raw.get("created_at", 0)),
            note=str(raw.get("note", "")),
            status=str(raw.get("status", "")),
            tags=[str(x) for x in raw.get("tags", [])],
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
        return f"haul_road:{self.id}"
