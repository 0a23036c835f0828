"""TransferRequest: a fisheries quota record, mirrored from the proto message."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class TransferRequest:
    id: str = ""
    owner: str = ""
    status: str = ""
    note: str = ""
    created_at: int = 0
    revision: int = 0
    kind: str = ""
    score: float = 0.0

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "TransferRequest":
        return cls(
            id=str(raw.get("id", "")),
            owner=str(raw.get("owner", "")),
            status=str(raw.get("status", "")),
            note=str(raw.get("note", "")),
            created_at=int(raw.get("created_at", 0)),
            revision=int(raw.get("revision", 0)),
            kind=str(raw.get("kind", "")),
            score=float(raw.get("score", 0.0)),
        )

    def validate(self) -> list[str]:
        errors: list[str] = []
        if not self.id:
            errors.append("id is required")
        if self.created_at < 0:
            errors.append("created_at must not be negative")
        if self.revision < 0:
            errors.append("revision must not be negative")
        if self.score < 0:
            errors.append("score must not be negative")
        return errors

    def key(self) -> str:
        return f"transfer_request:{self.id}"
