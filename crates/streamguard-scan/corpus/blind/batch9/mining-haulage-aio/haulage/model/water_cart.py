"""WaterCart: a mine haulage record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class WaterCart:
    id: str = ""
    score: float = 0.0
    owner: str = ""
    kind: str = ""
    label: str = ""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "WaterCart":
        return cls(
            id=str(raw.get("id", "")),
            score=float(raw.get("score", 0.0)),
            owner=str(raw.get("owner", "")),
            kind=str(raw.get("kind", "")),
            label=str(raw.get("label", "")),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"water_cart:{self.id}"
