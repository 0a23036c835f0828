"""Buyer: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Buyer:
    id: str = ""
    status: str = ""
    site_id: str = ""
    owner: str = ""
    score: float = 0.0
    tags: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Buyer":
        return cls(
            id=str(raw.get("id", "")),
            status=str(raw.get("status", "")),
            site_id=str(raw.get("site_id", "")),
            owner=str(raw.get("owner", "")),
            score=float(raw.get("score", 0.0)),
            tags=[str(x) for x in raw.get("tags", [])],
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"buyer:{self.id}"
