"""VmsPingHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class VmsPingHistory:
    id: str = ""
    note: str = ""
    revision: int = 0
    site_id: str = ""
    score: float = 0.0
    status: str = ""
    tags: list[str] = field(default_factory=list)
    owner: str = ""
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "VmsPingHistory":
        return cls(
            id=str(raw.get("id", "")),
            note=str(raw.get("note", "")),
            revision=int(raw.get("revision", 0)),
            site_id=str(raw.get("site_id", "")),
            score=float(raw.get("score", 0.0)),
            status=str(raw.get("status", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            owner=str(raw.get("owner", "")),
            label=str(raw.get("label", "")),
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
        return f"vms_ping_history:{self.id}"
