"""Certification: a court reporting record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Certification:
    id: str = ""
    tags: list[str] = field(default_factory=list)
    site_id: str = ""
    status: str = ""
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Certification":
        return cls(
            id=str(raw.get("id", "")),
            tags=[str(x) for x in raw.get("tags", [])],
            site_id=str(raw.get("site_id", "")),
            status=str(raw.get("status", "")),
            label=str(raw.get("label", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        return errors

    def key(self) -> str:
        return f"certification:{self.id}"
