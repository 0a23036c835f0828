"""QuotaShare: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class QuotaShare:
    id: str = ""
    revision: int = 0
    note: str = ""
    kind: str = ""
    status: str = ""
    label: str = ""
    tags: list[str] = field(default_factory=list)
    score: float = 0.0
    site_id: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "QuotaShare":
        return cls(
            id=str(raw.get("id", "")),
            revision=int(raw.get("revision", 0)),
            note=str(raw.get("note", "")),
            kind=str(raw.get("kind", "")),
            status=str(raw.get("status", "")),
            label=str(raw.get("label", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            score=float(raw.get("score", 0.0)),
            site_id=str(raw.get("site_id", "")),
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
        return f"quota_share:{self.id}"
