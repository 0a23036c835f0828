"""LeaseHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class LeaseHistory:
    id: str = ""
    note: str = ""
    kind: str = ""
    status: str = ""
    owner: str = ""
    site_id: str = ""
    updated_at: int = 0
    tags: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "LeaseHistory":
        return cls(
            id=str(raw.get("id", "")),
            note=str(raw.get("note", "")),
            kind=str(raw.get("kind", "")),
            status=str(raw.get("status", "")),
            owner=str(raw.get("owner", "")),
            site_id=str(raw.get("site_id", "")),
            updated_at=int(raw.get("updated_at", 0)),
            tags=[str(x) for x in raw.get("tags", [])],
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.updated_at < 0:
            errors.append("updated_at must not be negative")
        return errors

    def key(self) -> str:
        return f"lease_history:{self.id}"
