"""BuyerHistory: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class BuyerHistory:
    id: str = ""
    note: str = ""
    kind: str = ""
    revision: int = 0
    site_id: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "BuyerHistory":
        return cls(
            id=str(raw.get("id", "")),
            note=str(raw.get("note", "")),
            kind=str(raw.get("kind", "")),
            revision=int(raw.get("revision", 0)),
            site_id=str(raw.get("site_id", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"buyer_history:{self.id}"
