"""LightVehicle: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class LightVehicle:
    id: str = ""
    label: str = ""
    created_at: int = 0
    owner: str = ""
    note: str = ""
    revision: int = 0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "LightVehicle":
        return cls(
            id=str(raw.get("id", "")),
            label=str(raw.get("label", "")),
            created_at=int(raw.get("created_at", 0)),
            owner=str(raw.get("owner", "")),
            note=str(raw.get("note", "")),
            revision=int(raw.get("revision", 0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        return errors

    def key(self) -> str:
        return f"light_vehicle:{self.id}"
